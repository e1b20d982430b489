import { createHash } from 'node:crypto';

/**
 * An answer whose large part is serialized once and reused: `body` is a JSON object's
 * members without the closing brace (`{"a":1,"b":2`), computed when the data behind it
 * changes; `tail` holds the few members that differ per request (freshness, timestamps).
 * `tag` is the answer's entity tag value, decided by whoever prepared it, so that a
 * conditional GET is answered without serializing or hashing the body at all.
 */
export class PreparedAnswer<T extends object = object> {
  constructor(
    readonly body: string,
    readonly tail: Record<string, unknown>,
    readonly tag: string,
  ) {}

  /**
   * Prepared members with this request's freshness; the tag covers both, without the parts of
   * the freshness that tick with the clock alone (ages, reasons).
   */
  static withFreshness<T extends object>(members: PreparedMembers, freshness: object): PreparedAnswer<T> {
    return new PreparedAnswer<T>(members.body, { freshness }, combineTag(members.digest, stableJson(freshness)));
  }

  /** The answer as JSON text, with `generatedAt` last. */
  render(generatedAt: string): string {
    let text = this.body;
    for (const [key, value] of Object.entries({ ...this.tail, generatedAt })) {
      if (value !== undefined) text += `,${JSON.stringify(key)}:${jsonOf(value)}`;
    }
    return `${text}}`;
  }

  /** The answer as an object (for anyone who serializes it generically). */
  toJSON(): T {
    return { ...(JSON.parse(`${this.body}}`) as object), ...this.tail } as T;
  }
}

/** JSON of frozen values (shared verdicts, such as a second's freshness), kept while they live. */
const frozenJson = new WeakMap<object, string>();

function jsonOf(value: unknown): string {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let json = frozenJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    frozenJson.set(value, json);
  }
  return json;
}

/** An object's JSON members without the closing brace, and the digest of its JSON. */
export interface PreparedMembers {
  body: string;
  digest: string;
}

/** Prepares the serialized members of an object for a `PreparedAnswer` and their digest. */
export function prepareMembers(value: object): PreparedMembers {
  const json = JSON.stringify(value);
  return { body: json.slice(0, -1), digest: createHash('sha256').update(json).digest('base64url') };
}

/** A tag from digests and small stable parts, e.g. the figures' digest and the freshness. */
export function combineTag(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/** Keys that tick with the clock alone (`timestamp` is the blueprint name of generatedAt). */
const UNSTABLE_KEYS = new Set(['ageSeconds', 'reason', 'generatedAt', 'timestamp']);

/** JSON without the members that tick with the clock alone. */
export function stableJson(body: unknown): string {
  return JSON.stringify(body, (key, value: unknown) => (UNSTABLE_KEYS.has(key) ? undefined : value));
}
