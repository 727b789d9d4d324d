// The performance budget of issue #5 as a test: the public portal's first load stays within 250 kB of compressed
// JavaScript, and the officer workspace and administration stay out of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIRST_LOAD_CEILING_BYTES, measureWebBundle } from './web-bundle.ts';

describe('web bundle', () => {
  it('keeps the first load of the public portal under the ceiling and the workspace and administration lazy', async () => {
    const report = await measureWebBundle();
    assert.ok(report.firstLoad.js.gzip <= FIRST_LOAD_CEILING_BYTES, `first load: ${report.firstLoad.js.gzip} bytes of gzip JavaScript`);
    const lazyNames = report.lazy.map((chunk) => chunk.name);
    assert.ok(lazyNames.some((name) => name.includes('features/workspace/')), lazyNames.join(', '));
    assert.ok(lazyNames.some((name) => name.includes('features/admin/')), lazyNames.join(', '));
    for (const chunk of report.lazy) assert.ok(chunk.files.every((file) => !report.firstLoad.files.includes(file)), chunk.name);
  });
});
