// Where a dossier stands against its deadline, in words and colour (never colour alone): overdue, due within the
// next 24 hours, or on schedule; finished dossiers say early / on time / late. Dossiers awaiting acceptance count
// against their acceptance deadline (8 working hours).
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../api.ts';
import { serverNowIso, useSite } from '../../site.ts';

const SOON_MS = 24 * 3_600_000;

export type DeadlineState = 'overdue' | 'soon' | 'within' | 'early' | 'on_time' | 'late';

export function deadlineState(dossier: DossierSummary, now: number): DeadlineState | null {
  if (dossier.timing === 'early' || dossier.timing === 'on_time' || dossier.timing === 'late') return dossier.timing;
  const due = dossier.status === 'submitted' ? dossier.acceptanceDueAt : dossier.dueAt;
  if (!due) return null;
  const left = new Date(due).getTime() - now;
  if (dossier.timing === 'overdue' || left < 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : 'within';
}

/** The server's clock (the legal clock's "now"), not the device's. */
export function useServerNow(): number {
  useSite();
  return Date.parse(serverNowIso());
}

// Filled badges take shade 9 (white text passes WCAG AA); the yellow one takes dark text.
const STYLE: Record<DeadlineState, { color: string; c?: string }> = {
  overdue: { color: 'red.9' },
  late: { color: 'red.9' },
  soon: { color: 'yellow.4', c: 'dark.9' },
  within: { color: 'teal.9' },
  early: { color: 'teal.9' },
  on_time: { color: 'teal.9' },
};

export function DeadlineBadge({ dossier }: { dossier: DossierSummary }) {
  const { t } = useTranslation();
  const state = deadlineState(dossier, useServerNow());
  if (!state) return null;
  const text = state === 'overdue' || state === 'soon' || state === 'within' ? t(`workspace.deadline.${state}`) : t(`tracking.badge.${state}`);
  const style = STYLE[state];
  return (
    <Badge variant="filled" color={style.color} c={style.c} tt="none" data-deadline={state}>
      {text}
    </Badge>
  );
}

/** Working time in words: "3 giờ", "45 phút", "2 giờ 30 phút". */
export function formatWorkingTime(minutes: number, t: TFunction): string {
  const total = Math.abs(Math.trunc(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours > 0 && rest > 0) return t('workspace.time.hoursMinutes', { hours, minutes: rest });
  return hours > 0 ? t('workspace.time.hours', { count: hours }) : t('workspace.time.minutes', { count: rest });
}

/** The 8-working-hour acceptance countdown in words: "Còn 3 giờ làm việc" / "Quá hạn tiếp nhận 2 giờ". */
export function acceptanceClockText(minutesLeft: number, t: TFunction): string {
  const time = formatWorkingTime(minutesLeft, t);
  return minutesLeft >= 0 ? t('workspace.acceptanceClock.left', { time }) : t('workspace.acceptanceClock.late', { time });
}
