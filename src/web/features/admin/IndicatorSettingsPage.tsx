// Cấu hình chỉ số 766 (/quan-tri/chi-so-766, loaded on demand): the province's 766 index settings. A province
// administrator edits them; any other officer (a province leader, say) reads them, as the API allows, with every input
// read-only and no save button. Routed on its own (src/web/routes.tsx) rather than inside the administration, which
// only administrators enter; administrators still get the administration's section menu here.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { isAdministrator, useSession } from '../account/useSession.ts';
import { AdminNav } from './AdminPage.tsx';
import { adminApi } from './api.ts';
import { adminPaths } from './adminPaths.ts';
import { INDICATOR_SETTINGS_KEY, IndicatorSettingsForm } from './IndicatorSettingsForm.tsx';
import { useIsProvinceAdmin } from './useIsProvinceAdmin.ts';

export function IndicatorSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.indicators.title'));
  const session = useSession();
  const isProvinceAdmin = useIsProvinceAdmin();
  const [message, setMessage] = useState('');
  const settings = useQuery({ queryKey: INDICATOR_SETTINGS_KEY, queryFn: adminApi.indicatorSettings, enabled: Boolean(session.data) });
  if (session.isPending) return <Loading />;
  const reload = () => {
    setMessage('');
    void settings.refetch();
  };
  return (
    <Stack gap="lg">
      {isAdministrator(session.data) && <AdminNav />}
      <Stack gap="md">
        <Title order={1}>{t('admin.indicators.title')}</Title>
        <Text>{t('admin.indicators.lead')}</Text>
        {!session.data ? (
          <Alert variant="light">
            <Anchor component={Link} to={`${paths.login}?tiep=${encodeURIComponent(adminPaths.indicatorSettings)}`}>
              {t('admin.indicators.needLogin')}
            </Anchor>
          </Alert>
        ) : settings.isError ? (
          <ErrorMessage error={settings.error} onRetry={reload} />
        ) : !settings.data ? (
          <Loading />
        ) : (
          <>
            {!isProvinceAdmin && <Alert variant="light">{t('admin.indicators.readOnly')}</Alert>}
            <IndicatorSettingsForm
              key={settings.data.version}
              view={settings.data}
              readOnly={!isProvinceAdmin}
              message={message}
              setMessage={setMessage}
              onReload={reload}
            />
          </>
        )}
      </Stack>
    </Stack>
  );
}
