// The dossier's state derived from its append-only action log. Pure: the server caches the result on the
// dossier row in the same transaction as the action, and the web shows the same derivation.
import { statusAfter, type ActionType } from './actions.ts';
import type { DossierStatus } from './statuses.ts';

export interface ActionRecord {
  type: ActionType | 'submit' | 'intake';
  at: number;
  actorId: string | null;
  payload: Record<string, unknown>;
}

export interface PauseRecord {
  reason: 'supplement' | 'financial_obligation';
  startedAt: number;
  endedAt: number | null;
}

export interface DossierState {
  status: DossierStatus;
  assigneeId: string | null;
  receivedAt: number | null;
  pauses: PauseRecord[];
  supplementRequests: number;
  extensions: number;
  extension: { requestedAt: number; newDueAt: number } | null;
  finishedAt: number | null;
  returnedAt: number | null;
  resultNumber: string | null;
}

const FINISHING: readonly ActionType[] = ['refuse_intake', 'issue_result', 'withdraw', 'refuse', 'stop', 'close_unsupplemented'];

/** The state before any action. */
export function initialDossierState(): DossierState {
  return {
    status: 'submitted',
    assigneeId: null,
    receivedAt: null,
    pauses: [],
    supplementRequests: 0,
    extensions: 0,
    extension: null,
    finishedAt: null,
    returnedAt: null,
    resultNumber: null,
  };
}

/**
 * The state after one more action, as a new object: `previous` is never changed, and the pauses array and the
 * extension keep their identity unless the action changes them (the indicators' timeline computes a dossier's clock
 * again only when they change).
 */
export function applyAction(previous: DossierState, action: ActionRecord): DossierState {
  const state: DossierState = { ...previous };
  if (action.type === 'submit') {
    state.status = 'submitted';
    return state;
  }
  if (action.type === 'intake') {
    state.status = 'received';
    state.receivedAt = action.at;
    return state;
  }
  switch (action.type) {
    case 'receive':
      state.receivedAt = action.at;
      break;
    case 'assign':
      state.assigneeId = typeof action.payload.assigneeId === 'string' ? action.payload.assigneeId : null;
      break;
    case 'request_supplement':
      state.supplementRequests += 1;
      state.pauses = [...previous.pauses, { reason: 'supplement', startedAt: action.at, endedAt: null }];
      break;
    case 'request_payment':
      state.pauses = [...previous.pauses, { reason: 'financial_obligation', startedAt: action.at, endedAt: null }];
      break;
    case 'submit_supplement':
    case 'record_payment': {
      const open = previous.pauses.findIndex((p) => p.endedAt === null);
      if (open >= 0) state.pauses = previous.pauses.map((p, i) => (i === open ? { ...p, endedAt: action.at } : p));
      break;
    }
    case 'extend':
      state.extensions += 1;
      state.extension = typeof action.payload.newDueAt === 'number' ? { requestedAt: action.at, newDueAt: action.payload.newDueAt } : null;
      break;
    case 'issue_result':
      state.resultNumber = typeof action.payload.resultNumber === 'string' ? action.payload.resultNumber : null;
      break;
    case 'return_result':
      state.returnedAt = action.at;
      break;
    case 'correct_result':
      state.finishedAt = null;
      state.returnedAt = null;
      break;
    default:
      break;
  }
  if (FINISHING.includes(action.type)) state.finishedAt ??= action.at;
  state.status = statusAfter(state.status, action.type);
  return state;
}

/** Folds the log (oldest first) into the current state. The first record is `submit` (online) or `intake` (desk). */
export function reduceDossier(log: readonly ActionRecord[]): DossierState {
  let state = initialDossierState();
  for (const action of log) state = applyAction(state, action);
  return state;
}
