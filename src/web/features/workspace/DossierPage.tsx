// One dossier as an officer works on it: header, components, consultation tasks, the timeline (who, in which role,
// when, status and step moves), Form 05's hand-offs with their budgets and results, the actions the API allows this
// officer now, and Forms 01–06 to print.
import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ACTION_LABELS, type ActionType } from '../../../shared/dossiers/actions.ts';
import { STATUS_LABELS } from '../../../shared/dossiers/statuses.ts';
import { ApiError, api, type DossierDetail, type DossierTimelineEntry } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { InfoList } from '../../components/InfoList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { channelLabel } from '../procedures/labels.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { DeadlineBadge } from './deadline.tsx';
import type { StepProgress } from './api.ts';
import { HandOffResult, StepProgressList, useDossierSteps } from './StepProgressList.tsx';
import { workspacePaths } from './workspacePaths.ts';

const FORMS = ['01', '02', '03', '04', '05', '06'] as const;
const ROLES = ['citizen', 'desk', 'handler', 'leader', 'clerk', 'consulted', 'agency_admin', 'province_admin', 'province_leader', 'system'] as const;
const TASK_STATUSES = ['open', 'waiting', 'answered', 'cancelled'] as const;
const TASK_KINDS = ['consultation', 'inter_agency'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T => value != null && (list as readonly string[]).includes(value);

export function dossierQueryKey(id: string) {
  return ['dossier', id] as const;
}

export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useQuery({ queryKey: dossierQueryKey(id), queryFn: () => api.dossier(id), staleTime: 0 });
  usePageTitle(dossier.data ? t('workspace.dossierTitle', { code: dossier.data.code ?? t('workspace.noCode') }) : t('workspace.title'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={workspacePaths.inbox} size="sm">
        {t('workspace.back')}
      </Anchor>
      {dossier.isPending ? (
        <Loading />
      ) : dossier.isError ? (
        <>
          <Title order={1}>{t('workspace.title')}</Title>
          {dossier.error instanceof ApiError && dossier.error.status === 404 ? (
            <Alert color="red">{t('workspace.notFound')}</Alert>
          ) : (
            <ErrorMessage error={dossier.error} onRetry={() => void dossier.refetch()} />
          )}
        </>
      ) : (
        <DossierView dossier={dossier.data} />
      )}
    </Stack>
  );
}

function DossierView({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ActionType | null>(null);
  const [done, setDone] = useState<ActionType | null>(null);
  const date = (iso: string | null) => (iso ? formatDateTime(iso, language, t) : t('workspace.none'));
  const stepName = (key: string | null | undefined) => (key ? (dossier.workflow?.find((s) => s.key === key)?.name ?? key) : null);
  const reload = () => queryClient.invalidateQueries({ queryKey: dossierQueryKey(dossier.id) });
  const steps = useDossierSteps(dossier.id);
  // The step a timeline entry ended: the one that was left at that very moment.
  const endedBy = (entry: DossierTimelineEntry) => steps.data?.items.find((step) => step.endedAt === entry.at && step.key === entry.payload?.fromStep);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {t('workspace.dossierTitle', { code: dossier.code ?? t('workspace.noCode') })}
          </Title>
          <DeadlineBadge dossier={dossier} />
        </Group>
        <Text fw={600} data-testid="dossier-status">
          {pick(dossier.statusLabel, language)}
        </Text>
      </Stack>
      {done && (
        <Alert color="teal" variant="light" role="status" data-testid="action-done">
          <Text c="dark.9">{t('workspace.done', { action: pick(ACTION_LABELS[done], language) })}</Text>
        </Alert>
      )}
      <InfoList
        rows={[
          {
            label: t('workspace.procedure'),
            value: dossier.procedure ? `${dossier.procedure.name}${dossier.procedure.code ? ` (${dossier.procedure.code})` : ''}` : t('workspace.none'),
            lang: 'vi',
          },
          {
            label: t('workspace.applicant'),
            value: [dossier.applicant.name, dossier.applicant.phone].filter(Boolean).join(' · '),
          },
          { label: t('workspace.channel'), value: channelLabel(dossier.channel, language) },
          ...(dossier.status === 'submitted' ? [{ label: t('workspace.acceptanceDueAt'), value: date(dossier.acceptanceDueAt) }] : []),
          { label: t('workspace.receivedAt'), value: date(dossier.receivedAt) },
          { label: t('workspace.dueAt'), value: date(dossier.dueAt) },
          {
            label: t('workspace.currentStep'),
            value: stepName(dossier.currentStep) ?? t('workspace.none'),
            lang: 'vi',
          },
          ...(dossier.resultNumber ? [{ label: t('workspace.resultNumber'), value: dossier.resultNumber }] : []),
        ]}
      />

      <section aria-labelledby="actions-title">
        <Title order={2} id="actions-title" mb="xs">
          {t('workspace.actions')}
        </Title>
        {dossier.allowedActions.length === 0 ? (
          <Text>{t('workspace.noActions')}</Text>
        ) : (
          <Group gap="xs">
            {dossier.allowedActions.map((type) => (
              <Button key={type} variant={type === 'refuse' || type === 'refuse_intake' || type === 'stop' || type === 'withdraw' ? 'outline' : 'filled'} onClick={() => setAction(type)}>
                {pick(ACTION_LABELS[type], language)}
              </Button>
            ))}
          </Group>
        )}
      </section>

      <section aria-labelledby="components-title">
        <Title order={2} id="components-title" mb="xs">
          {t('workspace.components')}
        </Title>
        {dossier.components.length === 0 ? (
          <Text>{t('workspace.noComponents')}</Text>
        ) : (
          <List spacing="xs">
            {dossier.components.map((component, index) => (
              <List.Item key={index}>
                <Text size="sm" lang="vi" component="span">
                  {component.name}
                </Text>{' '}
                <Badge variant="light" color={component.provided ? 'teal' : 'gray'} c="dark.9" tt="none">
                  {component.provided ? t('workspace.provided') : t('workspace.notProvided')}
                </Badge>
                {component.files.length > 0 && (
                  <Text size="sm" component="span">
                    {' '}
                    {t('workspace.fileCount', { count: component.files.length })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      {dossier.tasks.length > 0 && (
        <section aria-labelledby="tasks-title">
          <Title order={2} id="tasks-title" mb="xs">
            {t('workspace.tasks')}
          </Title>
          <Stack gap="xs" component="ul" className="plain-list">
            {dossier.tasks.map((task) => (
              <Card key={task.id} component="li" withBorder padding="sm">
                <Group gap="xs">
                  <Text fw={600}>{isOneOf(TASK_KINDS, task.kind) ? t(`workspace.taskKind.${task.kind}`) : task.kind}</Text>
                  <Text size="sm">{isOneOf(TASK_STATUSES, task.status) ? t(`workspace.taskStatus.${task.status}`) : task.status}</Text>
                  {task.overdue && (
                    <Badge color="red.9" tt="none">
                      {t('workspace.taskOverdue')}
                    </Badge>
                  )}
                </Group>
                {task.request && (
                  <Text size="sm" lang="vi">
                    {task.request}
                  </Text>
                )}
                {task.dueAt && <Text size="sm">{t('workspace.taskDue', { date: date(task.dueAt) })}</Text>}
                {task.answer && (
                  <Text size="sm" lang="vi">
                    {t('workspace.taskAnswer', { answer: task.answer })}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        </section>
      )}

      <section aria-labelledby="timeline-title">
        <Title order={2} id="timeline-title" mb="xs">
          {t('workspace.timeline')}
        </Title>
        <Stack gap="xs" component="ol" className="plain-list" data-testid="timeline">
          {dossier.timeline.map((entry) => (
            <TimelineEntry key={entry.seq} entry={entry} stepName={stepName} handOff={endedBy(entry)} />
          ))}
        </Stack>
      </section>

      <StepProgressList dossierId={dossier.id} />

      <section aria-labelledby="forms-title">
        <Title order={2} id="forms-title" mb="xs">
          {t('workspace.forms')}
        </Title>
        <Text size="sm" mb="xs">
          {t('workspace.formsHint')}
        </Text>
        <List spacing="xs">
          {FORMS.map((form) => (
            <List.Item key={form}>
              <Anchor href={api.dossierFormUrl(dossier.id, form)} target="_blank" rel="noopener">
                {t(`workspace.form.${form}`)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </section>

      {action && (
        <ActionDialog
          dossier={dossier}
          action={action}
          onClose={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            setDone(null);
            queryClient.setQueryData<DossierDetail>(dossierQueryKey(dossier.id), (old) => (old ? { ...old, ...updated } : old));
            void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
            // "Done" is announced once the page shows the new timeline and actions, not just the new status.
            void reload().finally(() => setDone(action));
          }}
          onReload={() => {
            setAction(null);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}

function TimelineEntry({ entry, stepName, handOff }: { entry: DossierTimelineEntry; stepName: (key: string | null | undefined) => string | null; handOff: StepProgress | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const label = entry.type in ACTION_LABELS ? pick(ACTION_LABELS[entry.type as ActionType], language) : entry.type === 'submit' ? t('workspace.submitAction') : entry.type;
  const payload = entry.payload ?? {};
  const from = typeof payload.fromStep === 'string' ? stepName(payload.fromStep) : null;
  const to = typeof payload.toStep === 'string' ? stepName(payload.toStep) : null;
  const hasStepMove = (from !== null || to !== null) && from !== to;
  const note = typeof payload.note === 'string' && payload.note ? payload.note : null;
  return (
    <Card component="li" withBorder padding="sm" data-testid="timeline-entry">
      <Group justify="space-between" gap="xs">
        <Text fw={700}>{label}</Text>
        <Text size="sm">{formatDateTime(entry.at, language, t)}</Text>
      </Group>
      {isOneOf(ROLES, entry.actorRole) && <Text size="sm">{t('workspace.timelineBy', { role: t(`workspace.role.${entry.actorRole}`) })}</Text>}
      <Text size="sm">
        {entry.fromStatus
          ? t('workspace.timelineStatus', {
              from: pick(STATUS_LABELS[entry.fromStatus], language),
              to: pick(STATUS_LABELS[entry.toStatus], language),
            })
          : t('workspace.timelineStatusNew', { to: pick(STATUS_LABELS[entry.toStatus], language) })}
      </Text>
      {hasStepMove && (
        <Text size="sm">
          {t('workspace.timelineStep', {
            from: from ?? t('workspace.stepStart'),
            to: to ?? t('workspace.stepEnd'),
          })}
        </Text>
      )}
      {handOff && <HandOffResult step={handOff} />}
      {note && (
        <Text size="sm" lang="vi">
          {t('workspace.timelineNote', { note })}
        </Text>
      )}
    </Card>
  );
}
