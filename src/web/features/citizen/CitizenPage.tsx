// The citizen's own space (loaded on demand): my dossiers, filing online with the e-form, drafts, a dossier's
// timeline with supplement, withdrawal, downloads and rating. Visitors are asked to sign in.
import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { useSession } from '../account/useSession.ts';

export function CitizenPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!session.data) return <NeedLogin />;
  return (
    <Routes>
      <Route index element={<MyDossiers />} />
      <Route path="*" element={<Title order={1}>{t('app.notFoundTitle')}</Title>} />
    </Routes>
  );
}

function MyDossiers() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.title'));
  return <Title order={1}>{t('citizen.title')}</Title>;
}

function NeedLogin() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('citizen.title')}</Title>
      <Alert variant="light">
        <Anchor component={Link} to={`${paths.login}?tiep=${encodeURIComponent(paths.myDossiers)}`}>
          {t('later.needLogin')}
        </Anchor>
      </Alert>
    </Stack>
  );
}
