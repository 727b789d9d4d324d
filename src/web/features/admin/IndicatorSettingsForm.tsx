// The 766 settings as a form: the inputs are checked at once with the server's rules (checkIndicatorSettings), each
// group's maximum and the total follow the inputs, and saving sends only what differs from the defaults with the
// version read. The server's field errors land under their inputs; a stale version (409) offers the new settings.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INDEX_GROUPS } from '../../../shared/indicators/index766-types.ts';
import { DEFAULT_INDICATOR_SETTINGS, type SettingsIssue } from '../../../shared/indicators/settings.ts';
import type { IndicatorSettingsView } from '../../../shared/indicators/settings-view.ts';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { adminApi, issuesOf } from './api.ts';
import { draftOf, fieldMessages, isRowChanged, maxima, overridesOf, resetRow, settingsOf, type Draft } from './indicator-settings-form.ts';
import { BandsAndScores, GroupTable, type ResettableRow, type TableProps } from './IndicatorSettingsTables.tsx';

export const INDICATOR_SETTINGS_KEY = ['admin', 'indicator-settings'] as const;

/**
 * Keyed by the version by its page: a save or a reload shows the new version's settings afresh; `message` (kept by
 * the page, so it survives that) says what the last save did.
 */
export function IndicatorSettingsForm({
  view,
  readOnly,
  message,
  setMessage,
  onReload,
}: {
  view: IndicatorSettingsView;
  readOnly: boolean;
  message: string;
  setMessage: (message: string) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const queryClient = useQueryClient();
  const defaults = DEFAULT_INDICATOR_SETTINGS;
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.settings));
  const [showErrors, setShowErrors] = useState(false);
  const settings = settingsOf(draft, defaults);
  const overrides = overridesOf(settings, defaults);
  const save = useMutation({
    mutationFn: () => adminApi.saveIndicatorSettings({ version: view.version, settings: overrides }),
    onSuccess: (saved) => {
      queryClient.setQueryData(INDICATOR_SETTINGS_KEY, saved);
      setMessage(t('admin.indicators.saved', { version: saved.version }));
    },
    onError: () => setMessage(''),
  });
  const serverIssues = issuesOf(save.error) as SettingsIssue[];
  const errors = fieldMessages(settings, serverIssues, language, t('admin.indicators.thresholdRange'));
  const errorCount = Object.keys(errors).length;
  const { groups, total } = maxima(settings);
  const staleError = save.error instanceof ApiError && save.error.status === 409 ? save.error : undefined;
  const isStale = staleError !== undefined;
  const currentVersion = (staleError?.details as { currentVersion?: number } | undefined)?.currentVersion;

  const change = (next: Draft) => {
    setDraft(next);
    setMessage('');
    if (!save.isPending && save.isError && !isStale) save.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (errorCount > 0) {
      setShowErrors(true);
      setMessage('');
      return;
    }
    setShowErrors(false);
    if (JSON.stringify(overrides) === JSON.stringify(overridesOf(view.settings, defaults))) {
      setMessage(t('admin.indicators.noChange'));
      return;
    }
    save.mutate();
  };
  const tableProps: TableProps = {
    draft,
    defaults,
    errors,
    readOnly,
    isChanged: (row: ResettableRow) => isRowChanged(settings, row, defaults),
    onChange: change,
    onReset: (row: ResettableRow) => change(resetRow(draft, row, defaults)),
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin.indicators.title')}>
      <Stack gap="lg">
        <Text size="sm">{view.version === 0 ? t('admin.indicators.versionDefault') : t('admin.indicators.version', { version: view.version })}</Text>
        {INDEX_GROUPS.map((group) => (
          <GroupTable key={group} group={group} max={groups[group]} {...tableProps} />
        ))}
        <BandsAndScores {...tableProps} />
        <Stack gap={4} role="status">
          <Text fw={700} data-testid="total-points">
            {t('admin.indicators.total', { points: formatNumber(total, language) })}
          </Text>
          {total !== 100 && <Text size="sm">{t('admin.indicators.totalNot100')}</Text>}
        </Stack>
        {!readOnly && (
          <>
            {showErrors && errorCount > 0 && (
              <Alert color="red" variant="light" role="alert">
                {t('admin.indicators.fixErrors', { count: errorCount })}
              </Alert>
            )}
            {isStale && (
              <Alert color="orange" variant="light" role="alert">
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('admin.indicators.stale', { version: currentVersion ?? '?' })}</Text>
                  <Button size="xs" variant="white" color="orange" onClick={onReload}>
                    {t('admin.indicators.reload')}
                  </Button>
                </Stack>
              </Alert>
            )}
            {save.isError && !isStale && serverIssues.length === 0 && <ErrorMessage error={save.error} />}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('admin.indicators.save')}
              </Button>
            </Group>
            <Text size="sm" role="status" data-testid="save-message">
              {message}
            </Text>
          </>
        )}
      </Stack>
    </form>
  );
}
