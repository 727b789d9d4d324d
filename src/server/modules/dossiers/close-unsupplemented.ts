// Use case (scheduled): close the dossiers whose supplement period has ended without a supplement (ND 118 Art.
// 19.5). Each closing is an ordinary action by the system, with a request id that makes a re-run harmless.
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import { applyDossierAction } from './apply-action.ts';

export async function closeUnsupplementedDossiers(deps: Pick<Deps, 'db' | 'clock' | 'log'>): Promise<number> {
  const now = deps.clock.now();
  const due = await queryRows<{ id: string; version: number; seq: number }>(
    deps.db,
    sql`SELECT d.id, d.version, a.seq
          FROM dossiers d
          JOIN LATERAL (SELECT seq, payload FROM dossier_actions
                         WHERE dossier_id = d.id AND type = 'request_supplement' ORDER BY seq DESC LIMIT 1) a ON true
         WHERE d.status = 'awaiting_supplement' AND (a.payload->>'closeAt')::timestamptz <= ${now.toISOString()}::timestamptz
         LIMIT 500`,
  );
  let closed = 0;
  for (const row of due) {
    try {
      const result = await applyDossierAction(deps, { system: true }, row.id, {
        type: 'close_unsupplemented',
        requestId: `auto-close:${row.id}:${row.seq}`,
        version: row.version,
        fields: {},
      });
      if (!result.replayed) closed += 1;
    } catch (error) {
      // Someone acted on it meanwhile (supplement arrived, withdrawn): the next run sees the new state.
      deps.log.warn({ err: error, dossierId: row.id }, 'could not close an unsupplemented dossier');
    }
  }
  return closed;
}
