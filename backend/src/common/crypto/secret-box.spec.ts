import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEncryptionKeys, SecretBox } from './secret-box';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('round-trips a secret and never stores the plaintext', () => {
    const box = new SecretBox([key('k1')]);
    const sealed = box.encrypt('pm-demo-secret');
    expect(sealed).not.toContain('pm-demo-secret');
    expect(box.keyIdOf(sealed)).toBe('k1');
    expect(box.decrypt(sealed)).toBe('pm-demo-secret');
  });

  it('gives a different ciphertext each time', () => {
    const box = new SecretBox([key('k1')]);
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('decrypts with an older key after rotation and encrypts with the new one', () => {
    const old = key('old');
    const sealed = new SecretBox([old]).encrypt('s3cret');
    const rotated = new SecretBox([key('new'), old]);
    expect(rotated.decrypt(sealed)).toBe('s3cret');
    expect(rotated.keyIdOf(rotated.encrypt('x'))).toBe('new');
  });

  it('refuses a tampered ciphertext', () => {
    const box = new SecretBox([key('k1')]);
    const parts = box.encrypt('secret').split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.decrypt(parts.join(':'))).toThrow();
  });

  it('refuses a secret sealed with an unknown key', () => {
    const sealed = new SecretBox([key('gone')]).encrypt('x');
    expect(() => new SecretBox([key('k1')]).decrypt(sealed)).toThrow(/key gone/);
  });

  it('creates a private key file once and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sy-key-')), 'nested', 'encryption.key');
    const first = loadEncryptionKeys([], file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadEncryptionKeys([], file)[0].key.equals(first[0].key)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^local:/);
  });
});
