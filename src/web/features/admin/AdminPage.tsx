// Administration (loaded on demand). A placeholder until the agencies, officers, catalogue, workflow and calendar
// screens of issue #5 are built.
import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComingLater } from '../../components/ComingLater.tsx';
import { paths } from '../../paths.ts';
import { isAdministrator, useSession } from '../account/useSession.ts';

export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <ComingLater title={t('later.adminTitle')} text={t('later.adminText')}>
      {session.isSuccess && !isAdministrator(session.data) && (
        <Alert variant="light">
          <Anchor component={Link} to={`${paths.login}?tiep=${encodeURIComponent(paths.admin)}`}>
            {t('later.needLogin')}
          </Anchor>
        </Alert>
      )}
    </ComingLater>
  );
}
