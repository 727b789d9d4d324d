// A province's working calendar per year: whether it is confirmed and by whom, the special days that confirming
// puts in force, the change log, and the Confirm button (with the revision read; a stale one reloads).
import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useSession } from '../account/useSession.ts';
import { adminApi, type CalendarYear } from './api.ts';

// Shade 9 under white text: at least 5:1 (WCAG AA).
const KIND_COLORS = { holiday: 'red.9', compensatory_day_off: 'pink.9', day_off: 'grape.9', make_up_workday: 'blue.9' } as const;

export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.calendar.title'));
  const site = useQuery({ queryKey: ['site'], queryFn: api.site, staleTime: 10 * 60_000 });
  const [params, setParams] = useSearchParams();
  if (site.isPending) return <Loading />;
  if (site.isError) return <ErrorMessage error={site.error} onRetry={() => void site.refetch()} />;
  const thisYear = Number(site.data.now.slice(0, 4));
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 1 + i);
  const year = Number(params.get('nam')) || thisYear;
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.calendar.title')}</Title>
      <Text>{t('admin.calendar.lead')}</Text>
      <Select
        label={t('admin.calendar.year')}
        data={years.map(String)}
        value={String(year)}
        onChange={(value) => value && setParams({ nam: value })}
        allowDeselect={false}
        style={{ maxWidth: 200 }}
      />
      <YearView key={year} province={site.data.provinceCode} year={year} />
      <ChangeLog province={site.data.provinceCode} />
    </Stack>
  );
}

function YearView({ province, year }: { province: string; year: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const queryClient = useQueryClient();
  const session = useSession();
  const [result, setResult] = useState('');
  const calendar = useQuery({ queryKey: ['admin', 'calendar', province, year], queryFn: () => adminApi.calendar(province, year) });
  const confirm = useMutation({
    mutationFn: (read: CalendarYear) => adminApi.confirmCalendar(province, year, { actor: session.data?.username ?? '', expectedRevision: read.revision }),
    onSuccess: (confirmed) => setResult(t('admin.calendar.confirmed', { year, revision: confirmed.revision, count: confirmed.days.length })),
    onError: () => setResult(''),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'calendar'] }),
  });
  if (calendar.isPending) return <Loading />;
  if (calendar.isError) return <ErrorMessage error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const data = calendar.data;
  const isStale = confirm.error instanceof ApiError && confirm.error.status === 409;
  return (
    <Stack gap="sm" component="section" aria-labelledby="calendar-year">
      <Title order={2} id="calendar-year">
        {t('admin.calendar.days', { count: data.draft.length })}
      </Title>
      <Alert variant="light" color={data.confirmed ? 'green' : 'orange'} data-testid="calendar-state">
        {data.confirmed
          ? t('admin.calendar.confirmedInfo', { revision: data.revision, actor: data.confirmedBy ?? '', at: data.confirmedAt ? formatDateTime(data.confirmedAt, language, t) : '' })
          : t('admin.calendar.notConfirmed')}
        {data.hasPendingChanges && <Text size="sm">{t('admin.calendar.pending')}</Text>}
      </Alert>
      <Stack gap={4} component="ul" className="plain-list" data-testid="calendar-days">
        {data.draft.map((day) => (
          <Card key={`${day.date}-${day.kind}`} component="li" withBorder padding="xs">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {formatDate(day.date, language)}
              </Text>
              <Badge color={KIND_COLORS[day.kind]} variant="filled" tt="none">
                {t(`admin.calendar.kinds.${day.kind}`)}
              </Badge>
              <Text size="sm">{day.name}</Text>
            </Group>
          </Card>
        ))}
      </Stack>
      {isStale ? <Alert color="orange" role="alert">{t('admin.calendar.stale')}</Alert> : confirm.isError && <ErrorMessage error={confirm.error} />}
      <Button onClick={() => confirm.mutate(data)} loading={confirm.isPending} style={{ alignSelf: 'flex-start' }} disabled={data.confirmed && !data.hasPendingChanges}>
        {t('admin.calendar.confirm', { year })}
      </Button>
      <Text role="status" fw={600}>
        {result}
      </Text>
    </Stack>
  );
}

function ChangeLog({ province }: { province: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const changes = useQuery({ queryKey: ['admin', 'calendar', province, 'changes'], queryFn: () => adminApi.calendarChanges(province) });
  return (
    <Stack gap="sm" component="section" aria-labelledby="calendar-changes">
      <Title order={2} id="calendar-changes">
        {t('admin.calendar.changes')}
      </Title>
      {changes.isPending ? (
        <Loading />
      ) : changes.isError ? (
        <ErrorMessage error={changes.error} onRetry={() => void changes.refetch()} />
      ) : changes.data.items.length === 0 ? (
        <Text>{t('admin.calendar.noChanges')}</Text>
      ) : (
        <Stack gap={4} component="ol" className="plain-list" data-testid="calendar-changes">
          {changes.data.items.slice(0, 20).map((change, i) => (
            <Card key={`${change.at}-${i}`} component="li" withBorder padding="xs">
              <Text size="sm" fw={600}>
                {t(`admin.calendar.actions.${change.action}`, { defaultValue: change.action })}
                {change.year !== null && ` (${t('admin.calendar.changeYear', { year: change.year })})`}
              </Text>
              <Text size="sm">{t('admin.calendar.changeBy', { actor: change.actor, at: formatDateTime(change.at, language, t) })}</Text>
              {change.reason && <Text size="sm">{change.reason}</Text>}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
