// The procedure catalogue: words, field, level, online service and agency filters (what GET /api/procedures
// accepts), kept in the address so a filtered list can be bookmarked and shared.
import { Anchor, Badge, Button, Card, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title, useMatches } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, type OnlineLevel, type ProcedureLevel } from '../../../shared/procedures.ts';
import { api, type ProcedureItem } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { paths } from '../../paths.ts';
import { levelLabel, onlineLabel } from './labels.ts';

const PAGE_SIZE = 20;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

interface CatalogueSearch {
  q: string;
  field: string;
  level: ProcedureLevel | undefined;
  onlineLevel: OnlineLevel | undefined;
  agency: string;
  page: number;
}

function readSearch(params: URLSearchParams): CatalogueSearch {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    level: oneOf(PROCEDURE_LEVELS, params.get('level')),
    onlineLevel: oneOf(ONLINE_LEVELS, params.get('onlineLevel')),
    agency: params.get('agency') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function ProcedureCard({ item }: { item: ProcedureItem }) {
  const { t, i18n } = useTranslation();
  const online = onlineLabel(item, t);
  return (
    <Card withBorder padding="md" component="li">
      <Anchor component={Link} to={paths.procedure(item.id)} fw={600} lang="vi">
        {item.name}
      </Anchor>
      <Group gap="xs" mt={6}>
        {item.code && (
          <Text size="sm" c="dimmed">
            {t('catalogue.code', { code: item.code })}
          </Text>
        )}
        {item.field && (
          <Text size="sm" c="dimmed" lang="vi">
            · {item.field}
          </Text>
        )}
      </Group>
      <Group gap={6} mt={6}>
        {item.levels.map((level) => (
          <Badge key={level} variant="light" color="gray" c="gray.9" tt="none">
            {levelLabel(level, i18n.language)}
          </Badge>
        ))}
        {online && (
          <Badge variant="light" color="teal" c="teal.9" tt="none">
            {online}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  usePageTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [words, setWords] = useState(search.q);
  useEffect(() => setWords(search.q), [search.q]);

  const update = (changes: Partial<CatalogueSearch>) => {
    const next = { ...search, page: 1, ...changes };
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) out.set(key, String(value));
    }
    setParams(out);
  };

  const results = useQuery({
    queryKey: ['procedures', search],
    queryFn: ({ signal }) => api.searchProcedures({ ...search, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const fields = useQuery({ queryKey: ['procedure-fields'], queryFn: api.procedureFields, staleTime: 10 * 60_000 });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: api.agencies, staleTime: 10 * 60_000 });

  const clearProps = { 'aria-label': t('catalogue.clearOne') };
  const submitWords = (event: FormEvent) => {
    event.preventDefault();
    update({ q: words.trim() });
  };
  const total = results.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // Nine page buttons do not fit in 360 px: show fewer neighbours on a phone.
  const siblings = useMatches({ base: 0, sm: 1 });
  const hasFilters = Boolean(search.q || search.field || search.level || search.onlineLevel || search.agency);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('catalogue.title')}</Title>
      <section aria-labelledby="filters-title">
        <Title order={2} id="filters-title" size="h4" mb="sm">
          {t('catalogue.filtersTitle')}
        </Title>
        <Stack gap="sm">
          <form role="search" onSubmit={submitWords}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                style={{ flex: '1 1 14rem' }}
                label={t('catalogue.keyword')}
                placeholder={t('catalogue.keywordPlaceholder')}
                value={words}
                onChange={(event) => setWords(event.currentTarget.value)}
              />
              <Button type="submit">{t('catalogue.search')}</Button>
            </Group>
          </form>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select
              label={t('catalogue.field')}
              placeholder={t('catalogue.any')}
              data={(fields.data?.items ?? []).map((item) => ({ value: item.field, label: item.field }))}
              value={search.field || null}
              onChange={(value) => update({ field: value ?? '' })}
              searchable
              clearable
              clearButtonProps={clearProps}
              nothingFoundMessage={t('catalogue.empty')}
            />
            <Select
              label={t('catalogue.level')}
              placeholder={t('catalogue.any')}
              data={PROCEDURE_LEVELS.map((level) => ({ value: level, label: levelLabel(level, language) }))}
              value={search.level ?? null}
              onChange={(value) => update({ level: oneOf(PROCEDURE_LEVELS, value) })}
              clearable
              clearButtonProps={clearProps}
            />
            <Select
              label={t('catalogue.onlineLevel')}
              placeholder={t('catalogue.any')}
              data={[
                { value: 'full', label: t('catalogue.onlineFull') },
                { value: 'partial', label: t('catalogue.onlinePartial') },
              ]}
              value={search.onlineLevel ?? null}
              onChange={(value) => update({ onlineLevel: oneOf(ONLINE_LEVELS, value) })}
              clearable
              clearButtonProps={clearProps}
            />
            <Select
              label={t('catalogue.agency')}
              placeholder={t('catalogue.any')}
              data={(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
              value={search.agency || null}
              onChange={(value) => update({ agency: value ?? '' })}
              searchable
              clearable
              clearButtonProps={clearProps}
              nothingFoundMessage={t('catalogue.empty')}
            />
          </SimpleGrid>
          {hasFilters && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setParams(new URLSearchParams())}>
                {t('catalogue.clearAll')}
              </Button>
            </Group>
          )}
        </Stack>
      </section>
      <section aria-labelledby="results-title" aria-busy={results.isFetching}>
        <Title order={2} id="results-title" size="h4" mb="sm" aria-live="polite">
          {results.data ? t('catalogue.resultCount', { count: formatNumber(total, language) }) : t('app.loading')}
        </Title>
        {results.isError && <ErrorMessage error={results.error} onRetry={() => void results.refetch()} />}
        {results.isPending && <Loading />}
        {results.data && results.data.items.length === 0 && <Text>{t('catalogue.empty')}</Text>}
        {results.data && results.data.items.length > 0 && (
          <Stack component="ol" className="plain-list" gap="sm">
            {results.data.items.map((item) => (
              <ProcedureCard key={item.id} item={item} />
            ))}
          </Stack>
        )}
        {pageCount > 1 && (
          <Group justify="center" mt="lg" component="nav" aria-label={t('catalogue.pages')}>
            <Pagination
              total={pageCount}
              value={search.page}
              onChange={(page) => update({ page })}
              siblings={siblings}
              boundaries={1}
              gap={4}
              getItemProps={(page) => ({ 'aria-label': t('catalogue.page', { page }) })}
              getControlProps={(control) => ({
                'aria-label': {
                  first: t('catalogue.firstPage'),
                  previous: t('catalogue.previousPage'),
                  next: t('catalogue.nextPage'),
                  last: t('catalogue.lastPage'),
                }[control],
              })}
            />
          </Group>
        )}
      </section>
    </Stack>
  );
}
