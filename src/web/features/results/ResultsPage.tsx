// The public results of each agency for a year: dossiers finished early, on time or late against their
// appointment, and open ones past it (no personal data). A table that scrolls inside its own focusable region on
// a phone; the year is a select. Above it, a chart of each agency's on-time rate, fetched as its own chunk
// (recharts stays out of the portal's first load). The figures come from the indicators' daily aggregates. Below,
// the procedures offered online by level (OnlineServicesSection).
import { Alert, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AgencyResult } from '../../../shared/public-results.ts';
import { query, request } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { OnlineServicesSection } from './OnlineServicesSection.tsx';

const FIRST_YEAR = 2024;

const PublicRatesChart = lazy(() => import('../dashboard/PublicRatesChart.tsx'));

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  usePageTitle(t('results.title'));
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= 2100 ? asked : undefined;
  // Without a year the server answers for its current year (Vietnam time), which then fills the select.
  const results = useQuery({
    queryKey: ['agency-results', year ?? 'current'],
    queryFn: () =>
      request<{ year: number; items: AgencyResult[] }>('GET', `/api/public/agency-results${query({ year })}`),
  });
  const shown = results.data?.year ?? year;
  const lastYear = Math.max(new Date().getFullYear(), shown ?? 0);
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => String(lastYear - i));
  const n = (value: number) => formatNumber(value, language);

  return (
    <Stack gap="md">
      <Title order={1}>{t('results.title')}</Title>
      <Text>{t('results.lead')}</Text>
      <NativeSelect
        label={t('results.year')}
        data={years}
        value={shown === undefined ? '' : String(shown)}
        onChange={(event) => setParams({ nam: event.currentTarget.value })}
        maw={200}
      />
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorMessage error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <Alert variant="light">{t('results.none', { year: shown })}</Alert>
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <PublicRatesChart items={results.data.items} year={shown} />
          </Suspense>
          <ScrollRegion labelledBy="results-caption">
            <Table striped withTableBorder miw={640}>
              <Table.Caption id="results-caption">{t('results.caption', { year: shown })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('results.agency')}</Table.Th>
                  <Table.Th scope="col">{t('results.received')}</Table.Th>
                  <Table.Th scope="col">{t('results.early')}</Table.Th>
                  <Table.Th scope="col">{t('results.onTime')}</Table.Th>
                  <Table.Th scope="col">{t('results.late')}</Table.Th>
                  <Table.Th scope="col">{t('results.rate')}</Table.Th>
                  <Table.Th scope="col">{t('results.open')}</Table.Th>
                  <Table.Th scope="col">{t('results.overdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.items.map((row) => (
                  <Table.Tr key={row.agency.id} data-testid="results-row">
                    <Table.Th scope="row" fw={600} lang="vi">
                      {row.agency.name}
                    </Table.Th>
                    <Table.Td>{n(row.received)}</Table.Td>
                    <Table.Td>{n(row.early)}</Table.Td>
                    <Table.Td>{n(row.onTime)}</Table.Td>
                    <Table.Td>{n(row.late)}</Table.Td>
                    <Table.Td>
                      {row.onTimeRate === null
                        ? t('results.noRate')
                        : t('results.percent', { value: formatNumber(row.onTimeRate, language) })}
                    </Table.Td>
                    <Table.Td>{n(row.open)}</Table.Td>
                    <Table.Td>{n(row.overdue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      )}
      <Text size="sm">{t('results.method')}</Text>
      <OnlineServicesSection />
    </Stack>
  );
}
