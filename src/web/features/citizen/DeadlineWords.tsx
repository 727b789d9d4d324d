// The deadline of one of my dossiers in words: the appointment (or, before acceptance, the acceptance deadline) and a
// badge saying whether it is on schedule, due within a day, overdue, or how it finished (words, not colour alone).
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { serverNowIso, useSite } from '../../site.ts';

const SOON_MS = 24 * 3_600_000;
type State = 'within' | 'soon' | 'overdue' | 'early' | 'on_time' | 'late';
const COLOR: Record<State, { color: string; c?: string }> = {
  within: { color: 'teal.9' },
  early: { color: 'teal.9' },
  on_time: { color: 'teal.9' },
  soon: { color: 'yellow.4', c: 'dark.9' },
  overdue: { color: 'red.9' },
  late: { color: 'red.9' },
};

function stateOf(dossier: DossierSummary, now: number): State | null {
  if (dossier.timing === 'early' || dossier.timing === 'on_time' || dossier.timing === 'late') return dossier.timing;
  const due = dossier.status === 'submitted' ? dossier.acceptanceDueAt : dossier.dueAt;
  if (!due || dossier.finishedAt) return null;
  const left = Date.parse(due) - now;
  if (dossier.timing === 'overdue' || left < 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : 'within';
}

export function DeadlineWords({ dossier }: { dossier: DossierSummary }) {
  const { t, i18n } = useTranslation();
  useSite();
  const language = currentLanguage(i18n.language);
  const state = stateOf(dossier, Date.parse(serverNowIso()));
  const line = dossier.finishedAt
    ? t('citizen.list.finishedAt', { time: formatDateTime(dossier.finishedAt, language, t) })
    : dossier.status === 'submitted' && dossier.acceptanceDueAt
      ? t('citizen.list.acceptanceDueAt', { time: formatDateTime(dossier.acceptanceDueAt, language, t) })
      : dossier.dueAt
        ? t('citizen.list.dueAt', { time: formatDateTime(dossier.dueAt, language, t) })
        : null;
  if (!line && !state) return null;
  return (
    <Text size="sm" component="div">
      {line}{' '}
      {state && (
        <Badge variant="filled" color={COLOR[state].color} c={COLOR[state].c} tt="none" data-deadline={state}>
          {t(`citizen.deadline.${state}`)}
        </Badge>
      )}
    </Text>
  );
}
