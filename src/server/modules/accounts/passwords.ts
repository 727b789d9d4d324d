// Password hashing with argon2id (memory-hard), via a prebuilt native module.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash when the user does not exist keeps the response time the same.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hash('no such user: constant-time comparison')));
  try {
    return (await verify(target, password)) && passwordHash !== undefined;
  } catch {
    return false;
  }
}
