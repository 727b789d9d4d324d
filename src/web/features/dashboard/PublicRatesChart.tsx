// The public results page's chart (its own lazy chunk with recharts, outside the portal's first load): each agency's
// on-time rate as a horizontal bar with the value written beside it, and the same figures as a table (toggle, and
// visually hidden for screen readers while the chart shows). No personal data: agency names and rates only.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgencyResult } from '../../../shared/public-results.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { RateBars } from './Charts.tsx';

export default function PublicRatesChart({
  items,
  year,
}: {
  items: AgencyResult[];
  year: number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const text = (rate: number | null) =>
    rate === null ? t('results.noRate') : t('results.percent', { value: formatNumber(rate, language) });
  // Best rate first, agencies without a rate last.
  const rows = [...items].sort(
    (a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.agency.name.localeCompare(b.agency.name, 'vi'),
  );
  return (
    <ChartFigure
      title={t('dashboard.public.chartHeading')}
      chart={
        <RateBars
          data={rows.map((r) => ({
            key: r.agency.id,
            name: r.agency.name,
            rate: r.onTimeRate,
            text: text(r.onTimeRate),
          }))}
          label={t('dashboard.public.rate')}
        />
      }
      table={
        <Table withTableBorder striped>
          <Table.Caption>{t('dashboard.public.chartCaption', { year })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.agency')}</Table.Th>
              <Table.Th scope="col">{t('results.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.agency.id} data-testid="chart-table-row">
                <Table.Th scope="row" fw={500} lang="vi">
                  {r.agency.name}
                </Table.Th>
                <Table.Td>{text(r.onTimeRate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
