/**
 * What the test run's environment says, for the tests that need it (the database and Redis
 * have their own helpers: test-database.ts, test-redis.ts).
 */

/** Whether this run is CI (`.ci/run` sets CI=true), where optional tools are required. */
export function runsInCi(): boolean {
  return (process.env.CI ?? '') !== '';
}

/** The environment for a tool the test starts as a child process, with these variables added. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
