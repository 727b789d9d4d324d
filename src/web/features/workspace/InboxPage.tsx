// The officer's inbox: tabs by what is waiting (acceptance, my tasks, due today, overdue, consultations, supplements,
// results to return, all) with their counts, the API's order (nearest deadline first), a diacritic-insensitive
// search and pages. The results tab offers the bulk return by post. Cards rather than a table, so that a 360 px
// phone never scrolls sideways.
import { Anchor, Button, Group, Pagination, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useSession } from '../account/useSession.ts';
import { workspaceApi, type InboxCounts, type InboxSearch } from './api.ts';
import { BulkReturn } from './BulkReturn.tsx';
import { DossierCard } from './DossierCard.tsx';
import { workspacePaths } from './workspacePaths.ts';

const PAGE_SIZE = 20;

export const INBOX_TABS = {
  submitted: { status: 'submitted' },
  mine: { assignedToMe: true },
  dueToday: { due: 'today' },
  overdue: { due: 'overdue' },
  consultations: { openTasks: true },
  supplement: { status: 'awaiting_supplement' },
  resultReady: { status: 'result_ready' },
  all: {},
} as const satisfies Record<keyof InboxCounts, InboxSearch>;
type InboxTab = keyof typeof INBOX_TABS;
const isTab = (value: string | null): value is InboxTab => value !== null && value in INBOX_TABS;

export function InboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('workspace.title'));
  const [params, setParams] = useSearchParams();
  const rawTab = params.get('hop');
  const tab: InboxTab = isTab(rawTab) ? rawTab : 'submitted';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const update = (next: { hop?: string; q?: string; trang?: number }) => {
    const merged = { hop: tab, q, trang: 1, ...next };
    const search = new URLSearchParams();
    search.set('hop', merged.hop);
    if (merged.q) search.set('q', merged.q);
    if (merged.trang > 1) search.set('trang', String(merged.trang));
    setParams(search);
  };

  const list = useQuery({
    queryKey: ['dossiers', tab, q, page],
    queryFn: ({ signal }) => workspaceApi.listDossiers({ ...INBOX_TABS[tab], q: q || undefined, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const counts = useQuery({
    queryKey: ['dossiers', 'counts'],
    queryFn: () => workspaceApi.inboxCounts(),
    staleTime: 5_000,
  });
  const session = useSession();
  const isDesk = session.data?.roles.some((r) => r.role === 'desk') ?? false;
  const language = currentLanguage(i18n.language);
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('workspace.title')}</Title>
      <Text>{t('workspace.lead')}</Text>
      {isDesk && (
        <Anchor component={Link} to={workspacePaths.intake} fw={600}>
          {t('workspace.intake.link')}
        </Anchor>
      )}
      <form onSubmit={onSearch} role="search">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput label={t('workspace.search')} description={t('workspace.searchHint')} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: 1, minWidth: 0 }} />
          <Button type="submit">{t('workspace.searchButton')}</Button>
        </Group>
      </form>
      <Tabs value={tab} onChange={(value) => value && update({ hop: value })} keepMounted={false}>
        <Tabs.List aria-label={t('workspace.inbox')} style={{ flexWrap: 'wrap' }}>
          {(Object.keys(INBOX_TABS) as InboxTab[]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {counts.data
                ? t('workspace.tabCount', {
                    label: t(`workspace.tabs.${key}`),
                    count: formatNumber(counts.data[key], language),
                  })
                : t(`workspace.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(Object.keys(INBOX_TABS) as InboxTab[]).map((key) => (
          <Tabs.Panel key={key} value={key} pt="md">
            {list.isPending ? (
              <Loading />
            ) : list.isError ? (
              <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <Stack gap="sm">
                <Text size="sm" role="status">
                  {t('workspace.resultCount', { count: formatNumber(list.data.total, language) })}
                </Text>
                {key === 'resultReady' && isDesk ? (
                  <BulkReturn items={list.data.items} />
                ) : list.data.items.length === 0 ? (
                  <Text>{t('workspace.empty')}</Text>
                ) : (
                  <Stack gap="sm" component="ul" className="plain-list" data-testid="inbox-list">
                    {list.data.items.map((dossier) => (
                      <DossierCard key={dossier.id} dossier={dossier} />
                    ))}
                  </Stack>
                )}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      {pageCount > 1 && (
        <Group justify="center" component="nav" aria-label={t('catalogue.pages')}>
          <Pagination
            total={pageCount}
            value={page}
            onChange={(next) => update({ trang: next })}
            siblings={0}
            boundaries={1}
            gap={4}
            getItemProps={(item) => ({ 'aria-label': t('catalogue.page', { page: item }) })}
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
    </Stack>
  );
}
