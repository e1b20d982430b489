import type { SessionTokens } from '@switchyard/contracts';

/** Demo accounts exist when the backend runs in demo mode (the e2e web server does). */
export const DEMO_PASSWORD = 'demo-password';

/** Signs in over HTTP and returns the Authorization header for API calls. */
export async function bearerFor(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const { accessToken } = (await response.json()) as SessionTokens;
  return { authorization: `Bearer ${accessToken}` };
}
