// Internal workflows (quy trình nội bộ): the steps a procedure's dossiers go through, who acts at each, in which
// agency, with what time budget, and which national status each step shows. Validated before it is saved.
import { HOUR_MS } from '../calendar/vietnam-time.ts';
import type { CalendarSettings } from '../calendar/settings.ts';
import { budgetMs, type StepBudget } from '../calendar/step-budgets.ts';
import type { OfficerRole } from './actions.ts';
import type { NationalStatusCode } from './statuses.ts';

export type StepAgency = { kind: 'receiving' } | { kind: 'competent' } | { kind: 'agency'; agencyId: string };

export interface WorkflowStep {
  key: string;
  name: string;
  role: Extract<OfficerRole, 'desk' | 'handler' | 'leader' | 'clerk'>;
  agency: StepAgency;
  budget: { value: number; unit: StepBudget['unit'] };
  nationalStatus: NationalStatusCode;
  /** Keys of the steps that may follow; absent = the next step in the list (the last step ends the workflow). */
  next?: string[];
}

export interface WorkflowIssue {
  path: string;
  rule: string;
  message: string;
  messageEn: string;
}

/** The default workflow seeded for every procedure: desk → handler → leader → records clerk → desk. */
export function defaultWorkflow(legalWorkingMs: number, settings: CalendarSettings): WorkflowStep[] {
  const day = settings.workingDayHours * HOUR_MS;
  // Half a day for intake and for the records clerk (less for short procedures), the rest split 2 : 1 between
  // appraisal and approval; returning the result is outside the processing time.
  const fixed = Math.min(legalWorkingMs, 1.5 * day) / 3;
  const rest = Math.max(0, legalWorkingMs - 2 * fixed);
  const hours = (ms: number) => Math.floor((ms / HOUR_MS) * 100) / 100;
  return [
    { key: 'intake', name: 'Tiếp nhận, chuyển hồ sơ', role: 'desk', agency: { kind: 'receiving' }, budget: { value: hours(fixed), unit: 'working_hours' }, nationalStatus: 2 },
    { key: 'appraise', name: 'Thẩm định, đề xuất', role: 'handler', agency: { kind: 'competent' }, budget: { value: hours((rest * 2) / 3), unit: 'working_hours' }, nationalStatus: 4 },
    { key: 'approve', name: 'Phê duyệt, ký', role: 'leader', agency: { kind: 'competent' }, budget: { value: hours(rest / 3), unit: 'working_hours' }, nationalStatus: 4 },
    { key: 'issue', name: 'Vào số, phát hành kết quả', role: 'clerk', agency: { kind: 'competent' }, budget: { value: hours(fixed), unit: 'working_hours' }, nationalStatus: 9 },
    { key: 'return', name: 'Trả kết quả', role: 'desk', agency: { kind: 'receiving' }, budget: { value: 0, unit: 'working_hours' }, nationalStatus: 10 },
  ];
}

const issue = (path: string, rule: string, message: string, messageEn: string): WorkflowIssue => ({ path, rule, message, messageEn });

function successors(steps: WorkflowStep[], index: number): number[] {
  const step = steps[index]!;
  if (step.next) return step.next.map((key) => steps.findIndex((s) => s.key === key)).filter((i) => i >= 0);
  return index + 1 < steps.length ? [index + 1] : [];
}

/**
 * Every problem of a workflow: duplicate or missing keys, unknown next steps, cycles, unreachable steps, negative
 * budgets, and any path from the first step whose budgets add up to more than the legal duration.
 */
export function checkWorkflow(steps: WorkflowStep[], legalWorkingMs: number, settings: CalendarSettings): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  if (steps.length === 0) return [issue('steps', 'required', 'quy trình phải có ít nhất một bước', 'a workflow needs at least one step')];
  const keys = new Set<string>();
  steps.forEach((step, i) => {
    if (!step.key || keys.has(step.key)) issues.push(issue(`steps.${i}.key`, 'unique', 'mã bước phải có và không trùng', 'step keys must be present and unique'));
    keys.add(step.key);
    if (!step.name.trim()) issues.push(issue(`steps.${i}.name`, 'required', 'bước phải có tên', 'a step needs a name'));
    if (!(step.budget.value >= 0)) issues.push(issue(`steps.${i}.budget.value`, 'minimum', 'thời gian không được âm', 'the budget must not be negative'));
    for (const key of step.next ?? []) {
      if (!steps.some((s) => s.key === key)) issues.push(issue(`steps.${i}.next`, 'exists', `không có bước "${key}"`, `there is no step "${key}"`));
    }
  });
  if (issues.length > 0) return issues;

  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    for (const next of successors(steps, queue.shift()!)) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  steps.forEach((step, i) => {
    if (!reached.has(i)) issues.push(issue(`steps.${i}`, 'unreachable', `không thể đi tới bước "${step.name}"`, `step "${step.name}" cannot be reached`));
  });

  // Longest path in budget from the first step; a cycle makes it unbounded.
  const longest = new Map<number, number>();
  const visiting = new Set<number>();
  let cycle = false;
  const walk = (index: number): number => {
    if (longest.has(index)) return longest.get(index)!;
    if (visiting.has(index)) {
      cycle = true;
      return 0;
    }
    visiting.add(index);
    const step = steps[index]!;
    const own = budgetMs({ name: step.name, ...step.budget }, settings);
    const after = Math.max(0, ...successors(steps, index).map(walk));
    visiting.delete(index);
    longest.set(index, own + after);
    return own + after;
  };
  const total = walk(0);
  if (cycle) issues.push(issue('steps', 'cycle', 'quy trình không được có vòng lặp', 'the workflow must not loop'));
  else if (total > legalWorkingMs) {
    const hours = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100;
    issues.push(
      issue(
        'steps',
        'budget_over_legal',
        `tổng thời gian các bước (${hours(total)} giờ làm việc) vượt thời hạn giải quyết (${hours(legalWorkingMs)} giờ làm việc)`,
        `the steps take up to ${hours(total)} working hours, more than the legal ${hours(legalWorkingMs)}`,
      ),
    );
  }
  return issues;
}

/** The step after `current`: `chosen` when it is one of the allowed next steps, else the first one; null at the end. */
export function nextStep(steps: WorkflowStep[], current: string, chosen?: string): WorkflowStep | null | undefined {
  const index = steps.findIndex((s) => s.key === current);
  if (index < 0) return undefined;
  const candidates = steps[index]!.next ?? (index + 1 < steps.length ? [steps[index + 1]!.key] : []);
  if (chosen !== undefined && !candidates.includes(chosen)) return undefined;
  const key = chosen ?? candidates[0];
  return key === undefined ? null : (steps.find((s) => s.key === key) ?? undefined);
}

export interface StepSpan {
  key: string;
  name: string;
  role: WorkflowStep['role'];
  budget: WorkflowStep['budget'];
  startedAt: number;
  endedAt: number | null;
  actorId: string | null;
}

/**
 * The time the dossier spent at each step, read from the log: an action whose payload has `toStep` enters that
 * step (and ends the one before). Returns one span per visit, in order.
 */
export function stepSpans(steps: WorkflowStep[], log: readonly { at: number; actorId: string | null; payload: Record<string, unknown> }[]): StepSpan[] {
  const spans: StepSpan[] = [];
  for (const action of log) {
    if (!('toStep' in action.payload)) continue;
    const open = spans[spans.length - 1];
    if (open && open.endedAt === null) {
      open.endedAt = action.at;
      open.actorId = action.actorId;
    }
    const step = steps.find((s) => s.key === action.payload.toStep);
    if (step) spans.push({ key: step.key, name: step.name, role: step.role, budget: step.budget, startedAt: action.at, endedAt: null, actorId: null });
  }
  return spans;
}
