// Receipt of a complete dossier: the legal duration frozen from the procedure, the appointment from the legal
// clock, and the dossier code <competent agency code>-YYMMDD-XXXX from a per-agency daily counter.
import { sql } from 'drizzle-orm';
import { checkDuration, computeDeadline, type Duration } from '../../../shared/calendar/deadlines.ts';
import { isoFromDay, localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import { CalendarRangeError } from '../../../shared/calendar/working-calendar.ts';
import type { Channel } from '../../../shared/procedures.ts';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { listChannelOptions } from '../procedures/procedures.queries.ts';
import type { WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import { workflowFor } from '../workflows/resolve-workflow.ts';
import type { DossierRow } from './dossiers.queries.ts';

const CHANNEL_OF: Record<string, Channel> = { in_person: 'in_person', online: 'online', national_portal: 'online', post: 'post' };

/** The duration of the procedure version on the dossier's channel, or the one the desk entered. */
export async function legalDuration(tx: DbOrTx, dossier: Pick<DossierRow, 'procedureVersionId' | 'channel'>, override?: Duration): Promise<Duration> {
  if (override) {
    const problem = checkDuration(override);
    if (problem) throw AppError.invalidInput([{ path: 'body.duration', rule: 'duration', message: 'thời hạn không hợp lệ', messageEn: problem }]);
    return override;
  }
  const options = (await listChannelOptions(tx, dossier.procedureVersionId)).filter((o) => o.isDefault);
  const wanted = CHANNEL_OF[dossier.channel];
  const option = options.find((o) => o.channel === wanted && o.durationUnit !== null) ?? options.find((o) => o.durationUnit !== null);
  if (!option || option.durationValue === null || option.durationUnit === null) {
    throw AppError.invalidInput([
      {
        path: 'body.duration',
        rule: 'duration_unknown',
        message: 'danh mục chưa có thời hạn giải quyết kèm đơn vị; hãy nhập thời hạn theo quyết định công bố thủ tục',
        messageEn: 'the catalogue has no duration with a unit for this procedure; enter the legal duration',
      },
    ]);
  }
  return { value: Number(option.durationValue), unit: option.durationUnit };
}

export interface Receipt {
  code: string;
  workflow: WorkflowStep[];
  currentStep: string | null;
  duration: Duration;
  receivedAt: Date;
  startsAt: Date;
  dueAt: Date;
}

/** Computes the appointment and takes the next code; throws CONFLICT when the calendar is not confirmed. */
/** The dossier columns a receipt sets (desk intake and the `receive` action alike). */
export function receiptColumns(receipt: Receipt) {
  return {
    code: receipt.code,
    duration: receipt.duration,
    receivedAt: receipt.receivedAt,
    startsAt: receipt.startsAt,
    firstDueAt: receipt.dueAt,
    dueAt: receipt.dueAt,
    workflow: receipt.workflow,
    currentStep: receipt.currentStep,
  };
}

export async function makeReceipt(
  tx: Tx,
  dossier: Pick<DossierRow, 'procedureId' | 'procedureVersionId' | 'channel' | 'competentAgencyId' | 'provinceCode'>,
  receivedAt: number,
  override?: Duration,
): Promise<Receipt> {
  const duration = await legalDuration(tx, dossier, override);
  const year = yearOfDay(localDay(receivedAt));
  const calendar = await loadWorkingCalendar(tx, dossier.provinceCode, year, year + 3);
  let deadline;
  try {
    deadline = computeDeadline(calendar, receivedAt, duration);
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      throw AppError.invalidInput([{ path: 'body.duration', rule: 'calendar_range', message: `không có lịch làm việc cho năm ${error.year}`, messageEn: `no working calendar for ${error.year}` }]);
    }
    throw error;
  }
  if (deadline.provisional) {
    throw new AppError(
      'CONFLICT',
      'Lịch làm việc của năm có liên quan chưa được xác nhận; chưa thể hẹn ngày trả kết quả.',
      'The working calendar of a year involved is not confirmed; no appointment can be given yet.',
      { rule: 'calendar_not_confirmed' },
    );
  }
  const agency = await findAgency(tx, dossier.competentAgencyId);
  if (!agency?.code) {
    throw new AppError('CONFLICT', 'Cơ quan giải quyết chưa có mã định danh điện tử.', 'The competent agency has no electronic code.', { rule: 'agency_code_missing' });
  }
  const day = isoFromDay(localDay(receivedAt));
  const [counter] = await queryRows<{ value: number }>(
    tx,
    sql`INSERT INTO dossier_code_counters (agency_id, day, last_value) VALUES (${agency.id}, ${day}::date, 1)
        ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
        RETURNING last_value AS value`,
  );
  const sequence = counter?.value ?? 1;
  const code = `${agency.code}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
  const workflow = await workflowFor(tx, { procedureId: dossier.procedureId, provinceCode: dossier.provinceCode, duration, at: receivedAt });
  return {
    code,
    workflow: workflow.steps,
    currentStep: workflow.steps[0]?.key ?? null,
    duration,
    receivedAt: new Date(receivedAt),
    startsAt: new Date(deadline.startsAt),
    dueAt: new Date(deadline.dueAt),
  };
}
