// The file store seam: where the bytes of uploaded files live. Use cases see only this interface; createDeps picks
// the implementation the config names (disk today; an object store would implement the same three calls).
import type { Readable } from 'node:stream';

export interface StoredContent {
  /** Where the content is in the store (opaque to callers). */
  key: string;
  size: number;
  /** SHA-256 of the content, lower-case hex. */
  sha256: string;
  /** False when identical content was already stored: deleting it then would take it from its other owners. */
  isNew: boolean;
}

export interface FileStore {
  /** Streams the content in; past `maxBytes` it fails with FileTooLargeError and keeps nothing. */
  put(source: Readable, options?: { maxBytes?: number }): Promise<StoredContent>;
  /** The content as a stream, or undefined when the store has nothing under this key. */
  get(key: string): Promise<Readable | undefined>;
  /** Removes the content; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes.`);
    this.name = 'FileTooLargeError';
  }
}
