// Renders the statuses × actions × roles table as Markdown, so docs/WORKFLOW.md shows exactly the code's table.
import { ACTION_LABELS, ALLOWED_ACTIONS, statusAfter } from './actions.ts';
import { DOSSIER_STATUSES, NATIONAL_STATUS, STATUS_LABELS } from './statuses.ts';

export function renderActionTable(): string {
  const lines = ['| status (national code) | action | roles | → status |', '|---|---|---|---|'];
  for (const status of DOSSIER_STATUSES) {
    const head = `${status} — ${STATUS_LABELS[status].vi} (${NATIONAL_STATUS[status]})`;
    const rules = ALLOWED_ACTIONS[status];
    if (rules.length === 0) lines.push(`| ${head} | — (final) | | |`);
    for (const rule of rules) {
      lines.push(`| ${head} | ${rule.type} (${ACTION_LABELS[rule.type].vi}) | ${rule.roles.join(', ')} | ${statusAfter(status, rule.type)} |`);
    }
  }
  return lines.join('\n');
}
