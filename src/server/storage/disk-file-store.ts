// The file store on local disk: content-addressed by SHA-256 (<root>/ab/cd/<sha256>). Content is streamed to a
// temporary file in <root>/tmp, flushed, then renamed into place, so a reader never sees a half-written file and a
// failed or too-large upload leaves nothing behind.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileTooLargeError, type FileStore, type StoredContent } from './file-store.ts';

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Counts and hashes the bytes passing through; fails as soon as they exceed `maxBytes`. */
function meter(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename durable; not every platform can open a directory, and the content is safe either way.
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

export function createDiskFileStore(root: string): FileStore {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid file store key "${key}"`);
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };

  return {
    async put(source: Readable, options: { maxBytes?: number } = {}): Promise<StoredContent> {
      await fs.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      const counter = meter(options.maxBytes ?? Number.POSITIVE_INFINITY);
      try {
        await pipeline(source, counter.stream, createWriteStream(tmp, { flags: 'wx', mode: 0o640, flush: true }));
        const { size, sha256 } = counter.result();
        const target = pathOf(sha256);
        await fs.mkdir(path.dirname(target), { recursive: true });
        const exists = await fs.stat(target).then(
          () => true,
          () => false,
        );
        if (exists) {
          await fs.rm(tmp, { force: true });
          return { key: sha256, size, sha256, isNew: false };
        }
        await fs.rename(tmp, target);
        await syncDirectory(path.dirname(target));
        return { key: sha256, size, sha256, isNew: true };
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },

    async get(key: string): Promise<Readable | undefined> {
      const handle = await fs.open(pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return handle?.createReadStream();
    },

    async delete(key: string): Promise<void> {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}
