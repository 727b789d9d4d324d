// Both languages have every text: same keys, no empty text, the same {{placeholders}} in each pair. (The compiler
// checks the keys too, through `satisfies Dictionary`; this also catches placeholders and empty strings.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from './en.ts';
import { vi } from './vi.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [nested, text] of leaves(value, path)) out.set(nested, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('web dictionaries', () => {
  const vietnamese = leaves(vi);
  const english = leaves(en);

  it('have exactly the same keys', () => {
    assert.deepEqual([...english.keys()].sort(), [...vietnamese.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...vietnamese, ...english]) assert.ok(text.trim().length > 0, `empty text at ${key}`);
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of vietnamese) assert.deepEqual(placeholders(english.get(key) ?? ''), placeholders(text), `placeholders differ at ${key}`);
  });

  it('have no plural-suffixed keys, which Vietnamese and English would need differently', () => {
    for (const key of vietnamese.keys()) assert.doesNotMatch(key, /_(zero|one|two|few|many|other)$/, key);
  });
});
