// No visible text written straight into a component: every word a user reads comes from the dictionaries, so it
// exists in Vietnamese and English. Parses each .tsx file and looks at JSX text and the attributes people read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import ts from 'typescript';

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const READ_ATTRIBUTES = new Set(['label', 'placeholder', 'title', 'alt', 'aria-label', 'description', 'error', 'nothingFoundMessage']);
// A word is two letters in a row (any script); separators such as "›" or "·" are not words.
const HAS_WORD = /\p{L}{2}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

function findHardcodedText(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(WEB_DIR, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORD.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = ts.isStringLiteral(node.initializer)
        ? node.initializer.text
        : ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteralLike(node.initializer.expression)
          ? node.initializer.expression.text
          : '';
      if (HAS_WORD.test(value)) found.push(`${where(node)} ${node.name.getText(source)}="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('web components', () => {
  it('contain no visible text outside the dictionaries', () => {
    const files = tsxFiles(WEB_DIR);
    assert.ok(files.length > 10, 'the .tsx files were found');
    assert.deepEqual(files.flatMap(findHardcodedText), []);
  });
});
