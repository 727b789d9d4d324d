// One agency: its officers and their roles here (searchable without diacritics), and the forms to create an
// officer account or grant a role to an existing officer.
import { Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { adminPaths } from './adminPaths.ts';
import { adminApi } from './api.ts';
import { OfficerCard } from './OfficerCard.tsx';
import { CreateOfficerForm, GrantExistingForm } from './OfficerForms.tsx';

export function AgencyPage() {
  const { t, i18n } = useTranslation();
  const { agencyId = '' } = useParams();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const officers = useQuery({ queryKey: ['admin', 'officers', agencyId, q], queryFn: () => adminApi.officers(agencyId, q), placeholderData: keepPreviousData });
  usePageTitle(officers.data?.agency.name ?? t('admin.agencies.title'));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };

  if (officers.isPending) return <Loading />;
  if (officers.isError) return <ErrorMessage error={officers.error} onRetry={() => void officers.refetch()} />;
  // The API names the roles this viewer may grant here: province-wide roles (province administrator, province leader)
  // only for a province administrator, and the province leader only at the province People's Committee.
  const { agency, grantableRoles: grantable, items } = officers.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPaths.agencies} size="sm">
        {t('admin.agency.back')}
      </Anchor>
      <Title order={1}>{agency.name}</Title>
      <Stack gap="sm" component="section" aria-labelledby="officers-heading">
        <Title order={2} id="officers-heading">
          {t('admin.agency.officers')}
        </Title>
        <form onSubmit={onSearch} role="search">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('admin.agency.search')}
              description={t('admin.agency.searchHint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">{t('admin.agencies.searchButton')}</Button>
          </Group>
        </form>
        <Text size="sm" role="status">
          {t('admin.agency.count', { count: formatNumber(items.length, currentLanguage(i18n.language)) })}
        </Text>
        {items.length === 0 ? (
          <Text>{t('admin.agency.empty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" className="plain-list">
            {items.map((officer) => (
              <OfficerCard key={officer.id} agencyId={agency.id} officer={officer} grantable={grantable} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CreateOfficerForm agencyId={agency.id} grantable={grantable} />
        <GrantExistingForm agencyId={agency.id} grantable={grantable} />
      </SimpleGrid>
    </Stack>
  );
}
