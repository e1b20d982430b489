import { createHmac } from 'node:crypto';

/**
 * The tests' own signers for each sender's native scheme (written from the vendors' docs,
 * not with the code under test), and a plain POST that reports status and JSON answer.
 */
export const nativeSign = {
  stripe: (secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string =>
    `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  intuit: (verifierToken: string, body: string): string =>
    createHmac('sha256', verifierToken).update(body).digest('base64'),
  gusto: (verificationToken: string, body: string): string =>
    createHmac('sha256', verificationToken).update(body).digest('hex'),
};

export interface PostAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function postRaw(url: string, body: string, headers: Record<string, string>): Promise<PostAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
