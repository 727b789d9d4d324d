// Settings an administrator may change through the API (the province's legal-clock settings), each with its
// validation error from the API under the field, and, read-only, the server configuration set by environment.
import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSettings } from '../../../shared/calendar/settings.ts';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { InfoList } from '../../components/InfoList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useSession } from '../account/useSession.ts';
import { adminApi, fieldErrors } from './api.ts';

const NUMBER_FIELDS = [
  'workingDayHours',
  'paperTransferNextDayGraceMinutes',
  'supplementRequestWithinWorkingDays',
  'maxSupplementRequests',
  'extensionMinLeadWorkingDays',
  'onlineAcceptanceWorkingHours',
] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.settings.title'));
  const site = useQuery({ queryKey: ['site'], queryFn: api.site, staleTime: 10 * 60_000 });
  const province = site.data?.provinceCode;
  const settings = useQuery({ queryKey: ['admin', 'settings', province], queryFn: () => adminApi.calendarSettings(province as string), enabled: Boolean(province) });
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.settings.title')}</Title>
      <Text>{t('admin.settings.lead')}</Text>
      {site.isError || settings.isError ? (
        <ErrorMessage error={site.error ?? settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data || !site.data ? (
        <Loading />
      ) : (
        <SettingsForm key={settings.data.version} province={site.data.provinceCode} initial={settings.data.settings} version={settings.data.version} />
      )}
      {site.data && (
        <Card withBorder component="section" aria-labelledby="server-config">
          <Stack gap="xs">
            <Title order={2} size="h4" id="server-config">
              {t('admin.settings.server')}
            </Title>
            <Text size="sm">{t('admin.settings.serverLead')}</Text>
            <InfoList
              rows={[
                { label: t('admin.settings.provinceCode'), value: site.data.provinceCode },
                { label: t('admin.settings.provinceName'), value: site.data.provinceName ?? '' },
                { label: t('admin.settings.publicBaseUrl'), value: site.data.publicBaseUrl },
              ]}
            />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function SettingsForm({ province, initial, version }: { province: string; initial: CalendarSettings; version: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [form, setForm] = useState<CalendarSettings>(initial);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const changes = Object.fromEntries(
    (Object.keys(form) as (keyof CalendarSettings)[]).filter((key) => JSON.stringify(form[key]) !== JSON.stringify(initial[key])).map((key) => [key, form[key]]),
  ) as Partial<CalendarSettings>;
  const save = useMutation({
    mutationFn: () => adminApi.saveCalendarSettings(province, { settings: changes, version, actor: session.data?.username ?? '', reason: reason.trim() }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['admin', 'settings', province], saved);
      setMessage(t('admin.settings.saved', { version: saved.version }));
    },
    onError: (error) => {
      setMessage('');
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: ['admin', 'settings'] });
    },
  });
  const errors = fieldErrors(save.error, currentLanguage(i18n.language));
  const fieldError = (key: string) => errors[`settings.${key}`] ?? Object.entries(errors).find(([path]) => path.startsWith(`settings.${key}.`))?.[1];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(changes).length === 0) {
      setMessage(t('admin.settings.noChange'));
      return;
    }
    save.mutate();
  };
  const set = <K extends keyof CalendarSettings>(key: K, value: CalendarSettings[K]) => setForm({ ...form, [key]: value });
  const isStale = save.error instanceof ApiError && save.error.status === 409;
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <Card withBorder component="section" aria-labelledby="clock-settings">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="clock-settings">
            {t('admin.settings.clock')}
          </Title>
          <Text size="sm">{t('admin.settings.version', { version })}</Text>
          <Checkbox.Group
            label={t('admin.settings.weeklyRestDays')}
            value={form.weeklyRestDays.map(String)}
            onChange={(values) => set('weeklyRestDays', values.map(Number).sort())}
            error={fieldError('weeklyRestDays')}
          >
            <Group gap="sm" mt={4}>
              {(['1', '2', '3', '4', '5', '6', '0'] as const).map((day) => (
                <Checkbox key={day} value={day} label={t(`admin.settings.weekdays.${day}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {NUMBER_FIELDS.map((key) => (
              <NumberInput
                key={key}
                label={t(`admin.settings.${key}`)}
                value={Number.isFinite(form[key]) ? form[key] : ''}
                onChange={(value) => set(key, typeof value === 'number' ? value : Number.NaN)}
                error={fieldError(key)}
              />
            ))}
            <NumberInput
              label={t('admin.settings.supplementAutoCloseDays')}
              value={form.supplementAutoClose.value}
              onChange={(value) => set('supplementAutoClose', { ...form.supplementAutoClose, value: typeof value === 'number' ? value : Number.NaN })}
              error={fieldError('supplementAutoClose')}
            />
            <Select
              label={t('admin.settings.workingDayMode')}
              data={(['working_hours', 'end_of_day'] as const).map((m) => ({ value: m, label: t(`admin.settings.workingDayModes.${m}`) }))}
              value={form.workingDayMode}
              onChange={(value) => value && set('workingDayMode', value as CalendarSettings['workingDayMode'])}
              allowDeselect={false}
              error={fieldError('workingDayMode')}
            />
            <TextInput label={t('admin.settings.paperTransferCutoff')} value={form.paperTransferCutoff} onChange={(event) => set('paperTransferCutoff', event.currentTarget.value)} error={fieldError('paperTransferCutoff')} />
          </SimpleGrid>
          <Checkbox
            label={t('admin.settings.supplementRestartsClock')}
            checked={form.supplementRestartsClock}
            onChange={(event) => set('supplementRestartsClock', event.currentTarget.checked)}
            error={fieldError('supplementRestartsClock')}
          />
          <TextInput
            label={t('admin.settings.reason')}
            description={t('admin.settings.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason ? t('admin.settings.reasonRequired') : undefined}
            required
          />
          {isStale && <Alert color="orange" role="alert">{t('admin.settings.stale')}</Alert>}
          {save.isError && !isStale && !hasFieldErrors && <ErrorMessage error={save.error} />}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('admin.settings.save')}
          </Button>
          <Text size="sm" role="status">
            {message}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
