// The agencies an administrator manages (all of them for a province administrator), searched by name without
// diacritics; each leads to its officers and their roles.
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { adminPaths } from './adminPaths.ts';
import { adminApi } from './api.ts';

export function AgenciesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.agencies.title'));
  const language = currentLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = useQuery({ queryKey: ['admin', 'agencies', q], queryFn: () => adminApi.agencies(q), placeholderData: keepPreviousData });

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.agencies.title')}</Title>
      <form onSubmit={onSearch} role="search">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('admin.agencies.search')}
            description={t('admin.agencies.searchHint')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit">{t('admin.agencies.searchButton')}</Button>
        </Group>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" role="status">
            {t('admin.agencies.count', { count: formatNumber(list.data.items.length, language) })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text>{t('admin.agencies.empty')}</Text>
          ) : (
            <Stack gap="xs" component="ul" className="plain-list" data-testid="agency-list">
              {list.data.items.map(({ agency, officerCount }) => (
                <Card key={agency.id} withBorder padding="sm" component="li">
                  <Anchor component={Link} to={adminPaths.agency(agency.id)} fw={600}>
                    {agency.name}
                  </Anchor>
                  <Text size="sm">
                    {agency.code ? t('admin.agencies.code', { code: agency.code }) : t('admin.agencies.noCode')}
                    {' · '}
                    {t('admin.agencies.officerCount', { count: officerCount })}
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
