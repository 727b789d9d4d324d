// The procedures each agency offers online, by level, as the catalogue stands now (GET /api/public/online-services):
// the old levels 3–4 of ND 43/2011 and the full-process / partial services of ND 42/2022. A table (no chart: the
// shares are read agency by agency) that scrolls inside its own focusable region on a phone.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OnlineLevelCounts, OnlineServices } from '../../../shared/public-results.ts';
import { request } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

export function OnlineServicesSection() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const services = useQuery({
    queryKey: ['online-services'],
    queryFn: () => request<OnlineServices>('GET', '/api/public/online-services'),
  });
  const n = (value: number) => formatNumber(value, language);
  const pct = (value: number | null) =>
    value === null ? t('results.noRate') : t('results.percent', { value: formatNumber(value, language) });
  const cells = (c: OnlineLevelCounts) => (
    <>
      <Table.Td>{n(c.procedures)}</Table.Td>
      <Table.Td>{n(c.old.level3 + c.old.level4)}</Table.Td>
      <Table.Td>{pct(c.level3or4Share)}</Table.Td>
      <Table.Td>{n(c.current.full)}</Table.Td>
      <Table.Td>{n(c.current.partial)}</Table.Td>
      <Table.Td>{pct(c.onlineShare)}</Table.Td>
    </>
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="online-services-title">
      <Title order={2} id="online-services-title">
        {t('results.online.title')}
      </Title>
      <Text>{t('results.online.lead')}</Text>
      {services.isPending ? (
        <Loading />
      ) : services.isError ? (
        <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />
      ) : (
        <ScrollRegion labelledBy="online-services-caption">
          <Table striped withTableBorder miw={640}>
            <Table.Caption id="online-services-caption">{t('results.online.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.agency')}</Table.Th>
                <Table.Th scope="col">{t('results.online.procedures')}</Table.Th>
                <Table.Th scope="col">{t('results.online.level3or4')}</Table.Th>
                <Table.Th scope="col">{t('results.online.level3or4Share')}</Table.Th>
                <Table.Th scope="col">{t('results.online.full')}</Table.Th>
                <Table.Th scope="col">{t('results.online.partial')}</Table.Th>
                <Table.Th scope="col">{t('results.online.onlineShare')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr data-testid="online-services-total">
                <Table.Th scope="row" fw={700}>
                  {t('results.online.total')}
                </Table.Th>
                {cells(services.data.total)}
              </Table.Tr>
              {services.data.byAgency.map((row) => (
                <Table.Tr key={row.agency.id} data-testid="online-services-row">
                  <Table.Th scope="row" fw={600} lang="vi">
                    {row.agency.name}
                  </Table.Th>
                  {cells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Text size="sm">{t('results.online.method')}</Text>
    </Stack>
  );
}
