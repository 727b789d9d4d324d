// Form 05 on the dossier page: each hand-off (a visit of an internal-workflow step) with who handled it, when it
// came and left, its budget and due time, the working time used and its result, in words and colour; and the
// result of the step a timeline entry ended.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { workspaceApi, type StepProgress, type StepResult } from './api.ts';
import { formatWorkingTime } from './deadline.tsx';

// Filled badges take shade 9 (white text passes WCAG AA).
const COLOUR: Record<StepResult, string> = {
  early: 'teal.9',
  on_time: 'teal.9',
  in_progress: 'blue.9',
  late: 'red.9',
  overdue: 'red.9',
};

/** The hand-offs of a dossier (refetched with the dossier: its query key lives under the dossier's). */
export function useDossierSteps(dossierId: string) {
  return useQuery({ queryKey: ['dossier', dossierId, 'steps'], queryFn: () => workspaceApi.steps(dossierId) });
}

/** On a timeline entry that handed the dossier on: the step it ended, with its budget and result. */
export function HandOffResult({ step }: { step: StepProgress }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="hand-off">
      <Text size="sm" lang="vi">
        {t('workspace.steps.handOff', { step: step.name, budget: budgetText(step, t) })}
      </Text>
      <Badge variant="filled" color={COLOUR[step.result]} tt="none">
        {t(`workspace.steps.result.${step.result}`)}
      </Badge>
    </Group>
  );
}

const budgetText = (step: StepProgress, t: TFunction) =>
  step.budget.unit === 'working_days' ? t('workspace.steps.budgetDays', { count: step.budget.value }) : t('workspace.steps.budgetHours', { count: step.budget.value });

export function StepProgressList({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const steps = useDossierSteps(dossierId);
  return (
    <section aria-labelledby="steps-title">
      <Title order={2} id="steps-title" mb="xs">
        {t('workspace.steps.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('workspace.steps.lead')}
      </Text>
      {steps.isPending ? (
        <Loading />
      ) : steps.isError ? (
        <ErrorMessage error={steps.error} onRetry={() => void steps.refetch()} />
      ) : steps.data.items.length === 0 ? (
        <Text>{t('workspace.steps.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ol" className="plain-list" data-testid="steps">
          {steps.data.items.map((step, index) => (
            <StepCard key={`${step.key}-${index}`} step={step} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function StepCard({ step }: { step: StepProgress }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const date = (iso: string) => formatDateTime(iso, language, t);
  const budget = budgetText(step, t);
  return (
    <Card component="li" withBorder padding="sm" data-testid="step" data-result={step.result}>
      <Group justify="space-between" gap="xs">
        <Text fw={700} lang="vi">
          {step.name}
        </Text>
        <Badge variant="filled" color={COLOUR[step.result]} tt="none">
          {t(`workspace.steps.result.${step.result}`)}
        </Badge>
      </Group>
      {step.actorName && <Text size="sm">{t('workspace.steps.by', { name: step.actorName })}</Text>}
      <Text size="sm">{step.endedAt ? t('workspace.steps.period', { from: date(step.startedAt), to: date(step.endedAt) }) : t('workspace.steps.periodOpen', { from: date(step.startedAt) })}</Text>
      <Text size="sm">{t('workspace.steps.budget', { budget, due: date(step.dueAt) })}</Text>
      <Text size="sm">{t('workspace.steps.spent', { time: formatWorkingTime(step.spentMinutes, t) })}</Text>
    </Card>
  );
}
