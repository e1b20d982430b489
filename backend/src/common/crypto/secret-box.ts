import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'v1';

/**
 * AES-256-GCM for secrets at rest. Each ciphertext names the key that made it, so keys
 * can rotate: the first key encrypts, every listed key can still decrypt.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: EncryptionKey[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    }
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  get activeKeyId(): string {
    return this.keys[0].id;
  }

  encrypt(plaintext: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, id, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [format, id, iv, tag, body] = sealed.split(':');
    if (format !== FORMAT || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const key = this.byId.get(id);
    if (!key) throw new Error(`secret was sealed with key ${id}, which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  keyIdOf(sealed: string): string {
    return sealed.split(':')[1] ?? '';
  }
}

/**
 * Keys from configuration, or — for development only, production refuses to start
 * without ENCRYPTION_KEYS — one generated once and kept in a file readable by its owner.
 */
export function loadEncryptionKeys(configured: EncryptionKey[], keyFile: string): EncryptionKey[] {
  if (configured.length > 0) return configured;
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `local:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  const [id, key] = readFileSync(keyFile, 'utf8').trim().split(':');
  return [{ id, key: Buffer.from(key, 'base64') }];
}
