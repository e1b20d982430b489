/**
 * The Redis the multi-replica tests share: REDIS_URL when set (CI points it at the
 * machine's server), otherwise the machine's default one. Tests give every app a key
 * prefix of its own, so runs sharing this Redis never see each other.
 */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}
