// The officer workspace (loaded on demand, never part of the public portal's first load): the inbox, the
// dossier page with the actions the signed-in officer may take, and the desk's intake form. Visitors and citizens are asked to sign in.
import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { isOfficer, useSession } from '../account/useSession.ts';
import { DossierPage } from './DossierPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { IntakePage } from './IntakePage.tsx';

export function WorkspacePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!isOfficer(session.data)) return <NeedLogin />;
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="ho-so/:id" element={<DossierPage />} />
      <Route path="tiep-nhan" element={<IntakePage />} />
      <Route path="*" element={<Title order={1}>{t('app.notFoundTitle')}</Title>} />
    </Routes>
  );
}

function NeedLogin() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('workspace.title')}</Title>
      <Alert variant="light">
        <Anchor component={Link} to={`${paths.login}?tiep=${encodeURIComponent(paths.workspace)}`}>
          {t('later.needLogin')}
        </Anchor>
      </Alert>
    </Stack>
  );
}
