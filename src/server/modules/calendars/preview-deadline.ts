// Use case: "if I file procedure X now, when is my appointment?" — the legal clock for the portal.
import { checkDuration, computeDeadline, type Duration } from '../../../shared/calendar/deadlines.ts';
import { formatVietnamIso, localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import { CalendarRangeError } from '../../../shared/calendar/working-calendar.ts';
import type { Channel } from '../../../shared/procedures.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { findProcedure, listChannelOptions } from '../procedures/procedures.queries.ts';
import { assertCalendarYear, assertProvince, loadWorkingCalendar, YEARS_AHEAD } from './load-calendar.ts';

export interface PreviewDeadlineInput {
  provinceCode: string;
  receivedAt: number;
  procedureId?: string | undefined;
  channel?: Channel | undefined;
  duration?: Duration | undefined;
  /** Refuse (CONFLICT) instead of answering provisionally when a year on the way is not confirmed. */
  requireConfirmed?: boolean | undefined;
}

async function durationOfProcedure(deps: Pick<Deps, 'db'>, procedureId: string, channel: Channel | undefined): Promise<Duration> {
  const procedure = await findProcedure(deps.db, procedureId);
  if (!procedure) throw AppError.notFound('thủ tục hành chính', 'Procedure', procedureId);
  const options = (await listChannelOptions(deps.db, procedure.versionId)).filter((o) => o.isDefault);
  const option = channel ? options.find((o) => o.channel === channel) : (options.find((o) => o.channel === 'in_person') ?? options[0]);
  if (!option) {
    throw AppError.invalidInput([
      { path: 'body.channel', rule: 'channel', message: 'thủ tục không được thực hiện qua kênh này', messageEn: 'the procedure is not offered on this channel' },
    ]);
  }
  if (option.durationValue === null || option.durationUnit === null) {
    throw AppError.invalidInput([
      {
        path: 'body.procedureId',
        rule: 'duration_unknown',
        message: 'thủ tục chưa có thời hạn giải quyết kèm đơn vị tính; không thể tính ngày hẹn',
        messageEn: 'the procedure has no duration with a unit; no appointment can be computed',
      },
    ]);
  }
  return { value: Number(option.durationValue), unit: option.durationUnit };
}

export async function previewDeadline(deps: Pick<Deps, 'db' | 'clock'>, input: PreviewDeadlineInput) {
  if ((input.procedureId === undefined) === (input.duration === undefined)) {
    throw AppError.invalidInput([
      { path: 'body', rule: 'one_of', message: 'cần đúng một trong hai: procedureId hoặc duration', messageEn: 'give exactly one of procedureId or duration' },
    ]);
  }
  await assertProvince(deps, input.provinceCode);
  const duration = input.duration ?? (await durationOfProcedure(deps, input.procedureId as string, input.channel));
  const problem = checkDuration(duration);
  if (problem) throw AppError.invalidInput([{ path: 'body.duration.value', rule: 'duration', message: 'thời hạn không hợp lệ', messageEn: problem }]);
  const year = yearOfDay(localDay(input.receivedAt));
  assertCalendarYear(deps, year, 'body.receivedAt');
  const lastYear = Number(new Date(deps.clock.now()).getUTCFullYear()) + YEARS_AHEAD;
  const calendar = await loadWorkingCalendar(deps.db, input.provinceCode, year, Math.min(lastYear, year + 3));
  let result;
  try {
    result = computeDeadline(calendar, input.receivedAt, duration);
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      throw AppError.invalidInput([
        { path: 'body.duration', rule: 'calendar_range', message: `không có lịch làm việc cho năm ${error.year}`, messageEn: `no working calendar for ${error.year}` },
      ]);
    }
    throw error;
  }
  if (result.provisional && input.requireConfirmed) {
    throw new AppError(
      'CONFLICT',
      'Lịch làm việc của năm có liên quan chưa được xác nhận; chưa thể hẹn ngày trả kết quả.',
      'The working calendar of a year involved is not confirmed yet; no appointment can be given.',
      { rule: 'calendar_not_confirmed' },
    );
  }
  return { startsAt: formatVietnamIso(result.startsAt), dueAt: formatVietnamIso(result.dueAt), provisional: result.provisional, duration };
}
