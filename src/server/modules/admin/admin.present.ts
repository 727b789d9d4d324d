// Rows → API shapes of the administration: officers (no password hash, ever) and jobs.
import type { JobRow } from './jobs.queries.ts';
import type { OfficerRow } from './officers.queries.ts';

export const presentOfficer = (row: OfficerRow) => ({ id: row.id, username: row.username, displayName: row.displayName, disabled: row.disabled, roles: row.roles });

export const presentJob = (row: JobRow) => ({
  id: row.id,
  kind: row.kind,
  status: row.status as 'queued' | 'running' | 'succeeded' | 'failed',
  total: row.total,
  done: row.done,
  input: row.input,
  summary: row.summary ?? null,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  startedAt: row.startedAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
});
