import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { renderActionTable } from './action-table.ts';

describe('docs/WORKFLOW.md', () => {
  it('shows the statuses × actions × roles table exactly as the code defines it', () => {
    const doc = fs.readFileSync(new URL('../../../docs/WORKFLOW.md', import.meta.url), 'utf8');
    assert.ok(doc.includes(renderActionTable()), 'regenerate with: npx tsx -e "import(\'./src/shared/dossiers/action-table.ts\').then(m => console.log(m.renderActionTable()))"');
  });
});
