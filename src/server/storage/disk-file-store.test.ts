import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createDiskFileStore } from './disk-file-store.ts';
import { FileTooLargeError, type FileStore } from './file-store.ts';

/** Every regular file under a folder, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('the disk file store', () => {
  let root: string;
  let store: FileStore;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-store-test-'));
    store = createDiskFileStore(root);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('stores content under its SHA-256 and streams it back', async () => {
    const stored = await store.put(Readable.from([Buffer.from('Tờ khai '), Buffer.from('đăng ký')]));
    assert.equal(stored.sha256, sha256('Tờ khai đăng ký'));
    assert.equal(stored.key, stored.sha256);
    assert.equal(stored.size, Buffer.byteLength('Tờ khai đăng ký'));
    assert.equal(stored.isNew, true);
    assert.deepEqual(await filesUnder(root), [path.join(stored.key.slice(0, 2), stored.key.slice(2, 4), stored.key)]);
    const content = await store.get(stored.key);
    assert.ok(content);
    assert.equal(await text(content), 'Tờ khai đăng ký');
  });

  it('keeps one copy of identical content and says it was already there', async () => {
    const first = await store.put(Readable.from([Buffer.from('same bytes')]));
    const second = await store.put(Readable.from([Buffer.from('same bytes')]));
    assert.equal(second.key, first.key);
    assert.equal(second.isNew, false);
    assert.equal((await filesUnder(root)).length, 1);
  });

  it('refuses content over the limit and leaves nothing behind', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000, 1));
    await assert.rejects(store.put(Readable.from(chunks), { maxBytes: 4500 }), FileTooLargeError);
    assert.deepEqual(await filesUnder(root), []);
    const exact = await store.put(Readable.from([Buffer.alloc(4500, 2)]), { maxBytes: 4500 });
    assert.equal(exact.size, 4500);
  });

  it('leaves nothing behind when the source fails half-way', async () => {
    async function* failing() {
      yield Buffer.from('the first half');
      throw new Error('connection reset');
    }
    await assert.rejects(store.put(Readable.from(failing())), /connection reset/);
    assert.deepEqual(await filesUnder(root), []);
  });

  it('answers undefined for unknown content and deletes twice without error', async () => {
    const stored = await store.put(Readable.from([Buffer.from('to delete')]));
    await store.delete(stored.key);
    await store.delete(stored.key);
    assert.equal(await store.get(stored.key), undefined);
    assert.deepEqual(await filesUnder(root), []);
  });

  it('refuses keys that are not a SHA-256, so no key can reach outside the store', async () => {
    await assert.rejects(store.get('../../etc/passwd'), /Invalid file store key/);
    await assert.rejects(store.delete('ab/../../x'), /Invalid file store key/);
  });
});
