import { randomBytes } from 'node:crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh `rst-` ID: 16 random letters and digits (matches RESTORE_ID_PATTERN). */
export function newRestoreId(): string {
  const bytes = randomBytes(16);
  let id = 'rst-';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}
