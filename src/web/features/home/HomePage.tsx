// The portal's front page: search first, then the three things visitors come for, then the busiest fields.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { paths } from '../../paths.ts';
import { ProcedureSearchBox } from '../procedures/ProcedureSearchBox.tsx';

const TOP_FIELDS = 12;

function TaskCard({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <Card withBorder padding="lg" component="li">
      <Anchor component={Link} to={to} fw={700} size="lg">
        {title}
      </Anchor>
      <Text size="sm" mt="xs">
        {text}
      </Text>
    </Card>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  usePageTitle(undefined);
  const fields = useQuery({ queryKey: ['procedure-fields'], queryFn: api.procedureFields, staleTime: 10 * 60_000 });
  const topFields = [...(fields.data?.items ?? [])].sort((a, b) => b.count - a.count).slice(0, TOP_FIELDS);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg">{t('home.lead')}</Text>
      </Stack>
      <ProcedureSearchBox />
      <section aria-labelledby="tasks-title">
        <Title order={2} id="tasks-title" size="h3" mb="sm">
          {t('home.tasksTitle')}
        </Title>
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 4 }} className="plain-list">
          <TaskCard to={paths.catalogue()} title={t('home.catalogueTitle')} text={t('home.catalogueText')} />
          <TaskCard to={paths.tracking()} title={t('home.trackingTitle')} text={t('home.trackingText')} />
          <TaskCard to={paths.results} title={t('home.resultsTitle')} text={t('home.resultsText')} />
          <TaskCard to={paths.login} title={t('home.loginTitle')} text={t('home.loginText')} />
        </SimpleGrid>
      </section>
      {topFields.length > 0 && (
        <section aria-labelledby="fields-title">
          <Title order={2} id="fields-title" size="h3" mb="sm">
            {t('home.fieldsTitle')}
          </Title>
          <Group component="ul" className="plain-list" gap="xs">
            {topFields.map((item) => (
              <li key={item.field}>
                <Anchor component={Link} to={paths.catalogue({ field: item.field })} lang="vi">
                  {item.field}
                </Anchor>{' '}
                <Badge variant="light" color="gray" c="gray.9" size="sm" tt="none" component="span">
                  {t('home.fieldCount', { count: formatNumber(item.count, language) })}
                </Badge>
              </li>
            ))}
          </Group>
        </section>
      )}
    </Stack>
  );
}
