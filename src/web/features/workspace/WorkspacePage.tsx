// The officer workspace (loaded on demand, never part of the public portal's first load). A placeholder until
// the inboxes, intake and processing screens of issue #5 are built.
import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComingLater } from '../../components/ComingLater.tsx';
import { paths } from '../../paths.ts';
import { isOfficer, useSession } from '../account/useSession.ts';

export function WorkspacePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <ComingLater title={t('later.workspaceTitle')} text={t('later.workspaceText')}>
      {session.isSuccess && !isOfficer(session.data) && (
        <Alert variant="light">
          <Anchor component={Link} to={`${paths.login}?tiep=${encodeURIComponent(paths.workspace)}`}>
            {t('later.needLogin')}
          </Anchor>
        </Alert>
      )}
    </ComingLater>
  );
}
