// Any address the app does not know.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';
import { paths } from '../paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFoundTitle'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('app.notFoundTitle')}</Title>
      <Text>{t('app.notFoundText')}</Text>
      <Anchor component={Link} to={paths.home}>
        {t('app.backHome')}
      </Anchor>
    </Stack>
  );
}
