// Which action is allowed in which status, by which role: one typed table shared by the API and the web UI.
import type { DossierStatus } from './statuses.ts';

/** `consulted`: an officer (handler or leader) of an agency asked for an opinion or a part of inter-agency work. */
export const ROLES = ['citizen', 'desk', 'handler', 'leader', 'clerk', 'consulted', 'agency_admin', 'province_admin', 'province_leader', 'system'] as const;
export type Role = (typeof ROLES)[number];
/** Roles an officer can hold in an agency. */
export const OFFICER_ROLES = ['desk', 'handler', 'leader', 'clerk', 'agency_admin', 'province_admin', 'province_leader'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const ACTION_TYPES = [
  'receive',
  'refuse_intake',
  'assign',
  'forward',
  'return_previous',
  'recall',
  'consult',
  'request_inter_agency',
  'answer_consultation',
  'transfer_level',
  'request_supplement',
  'submit_supplement',
  'close_unsupplemented',
  'request_payment',
  'record_payment',
  'withdraw',
  'refuse',
  'stop',
  'extend',
  'approve',
  'issue_result',
  'return_result',
  'correct_result',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

interface ActionRule {
  readonly type: ActionType;
  readonly roles: readonly Role[];
}

const rule = <T extends ActionType>(type: T, ...roles: Role[]) => ({ type, roles }) as const;

/** The allowed actions of each status. The compiler checks that every status is listed. */
export const ALLOWED_ACTIONS = {
  submitted: [rule('receive', 'desk'), rule('refuse_intake', 'desk'), rule('withdraw', 'citizen', 'desk')],
  refused_at_intake: [],
  received: [
    rule('assign', 'leader'),
    rule('forward', 'desk', 'leader'),
    rule('transfer_level', 'desk', 'leader'),
    rule('request_supplement', 'desk', 'handler'),
    rule('withdraw', 'citizen', 'desk'),
    rule('extend', 'leader'),
  ],
  in_progress: [
    rule('assign', 'leader'),
    rule('forward', 'desk', 'handler', 'leader'),
    rule('return_previous', 'handler', 'leader'),
    rule('recall', 'desk', 'handler', 'leader'),
    rule('consult', 'handler'),
    rule('request_inter_agency', 'handler', 'leader'),
    rule('answer_consultation', 'consulted', 'handler'),
    rule('transfer_level', 'leader'),
    rule('request_supplement', 'desk', 'handler'),
    rule('request_payment', 'handler'),
    rule('withdraw', 'citizen', 'desk'),
    rule('refuse', 'leader'),
    rule('stop', 'leader'),
    rule('extend', 'leader'),
    rule('approve', 'leader'),
  ],
  awaiting_supplement: [rule('submit_supplement', 'citizen', 'desk'), rule('close_unsupplemented', 'system', 'desk'), rule('withdraw', 'citizen', 'desk')],
  awaiting_payment: [rule('record_payment', 'desk', 'handler'), rule('withdraw', 'citizen', 'desk')],
  approved: [rule('issue_result', 'clerk'), rule('return_previous', 'clerk', 'leader')],
  result_ready: [rule('return_result', 'desk'), rule('correct_result', 'desk', 'leader')],
  returned: [rule('correct_result', 'desk', 'leader')],
  withdrawn: [],
  stopped: [],
} as const satisfies Record<DossierStatus, readonly ActionRule[]>;

/** The status an action leads to from `status` (the same status for actions that do not move it). */
export function statusAfter(status: DossierStatus, action: ActionType): DossierStatus {
  switch (action) {
    case 'receive':
      return 'received';
    case 'refuse_intake':
      return 'refused_at_intake';
    case 'assign':
    case 'forward':
    case 'return_previous':
    case 'recall':
    case 'submit_supplement':
    case 'record_payment':
    case 'correct_result':
      return 'in_progress';
    case 'request_supplement':
      return 'awaiting_supplement';
    case 'request_payment':
      return 'awaiting_payment';
    case 'close_unsupplemented':
    case 'refuse':
    case 'stop':
      return 'stopped';
    case 'withdraw':
      return 'withdrawn';
    case 'approve':
      return 'approved';
    case 'issue_result':
      return 'result_ready';
    case 'return_result':
      return 'returned';
    case 'consult':
    case 'request_inter_agency':
    case 'answer_consultation':
    case 'transfer_level':
    case 'extend':
      return status;
  }
}

/** The actions `roles` may take in `status`. */
export function allowedActions(status: DossierStatus, roles: readonly Role[]): ActionType[] {
  return ALLOWED_ACTIONS[status].filter((r) => r.roles.some((role) => roles.includes(role))).map((r) => r.type);
}

export function isAllowed(status: DossierStatus, action: ActionType, roles: readonly Role[]): boolean {
  return allowedActions(status, roles).includes(action);
}

export const ACTION_LABELS: Record<ActionType, { vi: string; en: string }> = {
  receive: { vi: 'Tiếp nhận', en: 'Receive' },
  refuse_intake: { vi: 'Từ chối tiếp nhận', en: 'Refuse at intake' },
  assign: { vi: 'Phân công', en: 'Assign' },
  forward: { vi: 'Chuyển bước tiếp theo', en: 'Forward' },
  return_previous: { vi: 'Trả lại bước trước', en: 'Return to previous step' },
  recall: { vi: 'Thu hồi', en: 'Recall' },
  consult: { vi: 'Xin ý kiến', en: 'Consult' },
  request_inter_agency: { vi: 'Chuyển liên thông', en: 'Inter-agency processing' },
  answer_consultation: { vi: 'Trả lời xin ý kiến / liên thông', en: 'Answer (consultation / inter-agency)' },
  transfer_level: { vi: 'Chuyển cấp giải quyết', en: 'Transfer to another level' },
  request_supplement: { vi: 'Yêu cầu bổ sung', en: 'Request supplement' },
  submit_supplement: { vi: 'Nộp bổ sung', en: 'Submit supplement' },
  close_unsupplemented: { vi: 'Kết thúc do không bổ sung', en: 'Close (not supplemented)' },
  request_payment: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment' },
  record_payment: { vi: 'Ghi nhận đã nộp', en: 'Record payment' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  refuse: { vi: 'Từ chối giải quyết', en: 'Refuse' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
  extend: { vi: 'Xin lỗi và hẹn lại', en: 'Apologise and extend' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  issue_result: { vi: 'Vào số, phát hành kết quả', en: 'Issue result' },
  return_result: { vi: 'Trả kết quả', en: 'Return result' },
  correct_result: { vi: 'Đính chính kết quả', en: 'Correct result' },
};

/** Role the desk plays in the receiving (or returning) agency; the other officer roles act for the competent agency. */
export const ONE_STOP_ROLES: readonly OfficerRole[] = ['desk'];
export const COMPETENT_ROLES: readonly OfficerRole[] = ['handler', 'leader', 'clerk'];
