// Use case: one action on several dossiers at once (the desk returning results by post). Each dossier is its own
// action — own transaction, own requestId, own version — so one refusal leaves the others done and nothing half
// written; the answer lists every dossier's outcome in the order sent.
import type { BulkItem, BulkOutcome as SharedBulkOutcome } from '../../../shared/dossiers/bulk.ts';
import type { ActionType } from '../../../shared/dossiers/actions.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { applyDossierAction } from './apply-action.ts';
import type { DossierRow } from './dossiers.queries.ts';

/** The actions offered in bulk: returning results by post (one waybill per dossier). */
export const BULK_ACTION_TYPES = ['return_result'] as const satisfies readonly ActionType[];
export type BulkActionType = (typeof BULK_ACTION_TYPES)[number];

export type { BulkItem };
export type BulkOutcome = SharedBulkOutcome<DossierRow>;

/** Applies the action to each dossier in turn; an AppError becomes that dossier's outcome, anything else is thrown. */
export async function applyBulkAction(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, type: BulkActionType, items: BulkItem[]): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const item of items) {
    try {
      const { dossier, replayed } = await applyDossierAction(deps, viewer, item.dossierId, {
        type,
        requestId: item.requestId,
        version: item.version,
        fields: item.fields,
      });
      outcomes.push({ dossierId: item.dossierId, ok: true, replayed, dossier });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({
        dossierId: item.dossierId,
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          messageEn: error.messageEn,
          details: error.details,
        },
      });
    }
  }
  return outcomes;
}
