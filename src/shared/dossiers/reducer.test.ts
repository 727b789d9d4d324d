import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTION_TYPES, ALLOWED_ACTIONS, allowedActions, isAllowed, statusAfter } from './actions.ts';
import { reduceDossier, type ActionRecord } from './reducer.ts';
import { DOSSIER_STATUSES, NATIONAL_STATUS } from './statuses.ts';

const at = (minute: number) => Date.UTC(2026, 2, 2, 2, minute);
const act = (type: ActionRecord['type'], minute: number, payload: Record<string, unknown> = {}): ActionRecord => ({ type, at: at(minute), actorId: 'u', payload });

describe('dossier reducer', () => {
  it('walks an online dossier from submission to the returned result', () => {
    const log = [
      act('submit', 0),
      act('receive', 10),
      act('assign', 11, { assigneeId: 'handler-1' }),
      act('forward', 20),
      act('approve', 30),
      act('issue_result', 40, { resultNumber: '15/GP' }),
      act('return_result', 50),
    ];
    const states = log.map((_, i) => reduceDossier(log.slice(0, i + 1)).status);
    assert.deepEqual(states, ['submitted', 'received', 'in_progress', 'in_progress', 'approved', 'result_ready', 'returned']);
    const final = reduceDossier(log);
    assert.equal(final.receivedAt, at(10));
    assert.equal(final.assigneeId, 'handler-1');
    assert.equal(final.finishedAt, at(40));
    assert.equal(final.returnedAt, at(50));
    assert.equal(final.resultNumber, '15/GP');
  });

  it('keeps every pause with its start and end', () => {
    const state = reduceDossier([
      act('intake', 0),
      act('request_supplement', 5),
      act('submit_supplement', 65),
      act('request_payment', 70),
    ]);
    assert.equal(state.status, 'awaiting_payment');
    assert.deepEqual(state.pauses, [
      { reason: 'supplement', startedAt: at(5), endedAt: at(65) },
      { reason: 'financial_obligation', startedAt: at(70), endedAt: null },
    ]);
    assert.equal(state.supplementRequests, 1);
  });

  it('reopens a returned dossier for correction', () => {
    const state = reduceDossier([act('intake', 0), act('approve', 1), act('issue_result', 2), act('return_result', 3), act('correct_result', 4)]);
    assert.equal(state.status, 'in_progress');
    assert.equal(state.finishedAt, null);
  });
});

describe('allowed actions', () => {
  it('lets only the desk receive an online dossier, and nobody act on a finished one', () => {
    assert.deepEqual(allowedActions('submitted', ['desk']), ['receive', 'refuse_intake', 'withdraw']);
    assert.deepEqual(allowedActions('submitted', ['handler']), []);
    assert.deepEqual(allowedActions('returned', ['handler']), []);
    assert.deepEqual(allowedActions('withdrawn', ['desk', 'leader', 'province_admin']), []);
    assert.equal(isAllowed('in_progress', 'approve', ['handler']), false);
    assert.equal(isAllowed('in_progress', 'approve', ['leader']), true);
  });

  it('maps every status to a national code and every allowed action to a status', () => {
    for (const status of DOSSIER_STATUSES) {
      assert.ok(NATIONAL_STATUS[status] >= 1 && NATIONAL_STATUS[status] <= 10);
      for (const rule of ALLOWED_ACTIONS[status]) assert.ok(DOSSIER_STATUSES.includes(statusAfter(status, rule.type)));
    }
    const used = new Set(DOSSIER_STATUSES.flatMap((s) => ALLOWED_ACTIONS[s].map((r) => r.type)));
    assert.deepEqual(ACTION_TYPES.filter((a) => !used.has(a)), [], 'every action type is allowed somewhere');
  });
});
