// The citizen's own space (loaded on demand): my dossiers and drafts, filing online with the e-form, a dossier's
// progress with supplement, withdrawal, downloads and rating. Visitors are asked to sign in or register.
import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { useSession } from '../account/useSession.ts';
import { FileOnlinePage } from './FileOnlinePage.tsx';
import { MyDossierPage } from './MyDossierPage.tsx';
import { MyDossiersPage } from './MyDossiersPage.tsx';

// /dang-ky lives in this chunk too: registering is the first step of the citizen's space.
export { RegisterPage } from './RegisterPage.tsx';

export function CitizenPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!session.data) return <NeedLogin />;
  if (session.data.kind !== 'citizen') {
    return (
      <Stack gap="md">
        <Title order={1}>{t('citizen.title')}</Title>
        <Alert variant="light">{t('citizen.officerNote')}</Alert>
      </Stack>
    );
  }
  return (
    <Routes>
      <Route index element={<MyDossiersPage />} />
      <Route path="nop/:procedureId" element={<FileOnlinePage />} />
      <Route path="ho-so/:id" element={<MyDossierPage />} />
      <Route path="*" element={<Title order={1}>{t('app.notFoundTitle')}</Title>} />
    </Routes>
  );
}

function NeedLogin() {
  const { t } = useTranslation();
  const location = useLocation();
  usePageTitle(t('citizen.title'));
  const back = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Stack gap="md">
      <Title order={1}>{t('citizen.title')}</Title>
      <Alert variant="light">
        <Stack gap="xs">
          {t('citizen.needLogin')}
          <Anchor component={Link} to={`${paths.login}?tiep=${back}`}>
            {t('citizen.needLoginLink')}
          </Anchor>
          <Anchor component={Link} to={`${paths.register}?tiep=${back}`}>
            {t('citizen.orRegister')}
          </Anchor>
        </Stack>
      </Alert>
    </Stack>
  );
}
