// The dashboard's tables: the monthly trend, the ranking of units or procedures (names link to the next level of
// detail) and the late dossiers (codes link to the dossier page). Each has a caption and header cells.
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { workspacePaths } from '../workspace/workspacePaths.ts';
import type { Figures, LateDossier, TrendPoint } from './api.ts';
import { rateText } from './format.ts';

export function TrendTable({ points, caption }: { points: TrendPoint[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const n = (v: number) => formatNumber(v, language);
  return (
    <Table withTableBorder striped miw={520}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {(['month', 'received', 'resolved', 'late', 'onTimeRate', 'onlineShare'] as const).map((k) => (
            <Table.Th key={k} scope="col">
              {t(`dashboard.trend.${k}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {points.map((p) => (
          <Table.Tr key={p.month}>
            <Table.Th scope="row">{p.month}</Table.Th>
            <Table.Td>{n(p.received)}</Table.Td>
            <Table.Td>{n(p.resolved)}</Table.Td>
            <Table.Td>{n(p.late)}</Table.Td>
            <Table.Td>{rateText(p.onTimeRate, language, t)}</Table.Td>
            <Table.Td>{rateText(p.onlineShare, language, t)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export interface RankedRow {
  key: string;
  name: string;
  code: string | null;
  /** Where the name links to (the next level of detail); none inside a chart's hidden table. */
  to?: string;
  figures: Figures;
}

export function RankingTable({
  rows,
  caption,
  nameHeader,
  testId,
}: {
  rows: RankedRow[];
  caption: string;
  nameHeader: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const n = (v: number) => formatNumber(v, language);
  return (
    <Table withTableBorder striped miw={900}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('dashboard.ranking.rank')}</Table.Th>
          <Table.Th scope="col">{nameHeader}</Table.Th>
          {(
            [
              'received',
              'early',
              'onTime',
              'late',
              'pendingWithin',
              'pendingOverdue',
              'rate',
              'points',
              'online',
            ] as const
          ).map((k) => (
            <Table.Th key={k} scope="col">
              {t(`dashboard.ranking.${k}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => {
          const { form, onTime } = row.figures;
          const name = row.code ? `${row.name} (${row.code})` : row.name;
          return (
            <Table.Tr key={row.key} data-testid={testId}>
              <Table.Td>{row.figures.onTime.rate === null ? t('dashboard.na') : n(i + 1)}</Table.Td>
              <Table.Th scope="row" fw={500} lang="vi">
                {row.to ? (
                  <Anchor component={Link} to={row.to}>
                    {name}
                  </Anchor>
                ) : (
                  name
                )}
              </Table.Th>
              <Table.Td>{n(form.received.online + form.received.inPersonOrPost)}</Table.Td>
              <Table.Td>{n(form.resolved.early)}</Table.Td>
              <Table.Td>{n(form.resolved.onTime)}</Table.Td>
              <Table.Td>{n(form.resolved.late)}</Table.Td>
              <Table.Td>{n(form.pending.withinDeadline)}</Table.Td>
              <Table.Td>{n(form.pending.overdue)}</Table.Td>
              <Table.Td>{rateText(onTime.rate, language, t)}</Table.Td>
              <Table.Td>
                {onTime.points === null ? t('dashboard.na') : formatNumber(onTime.points, language)}
              </Table.Td>
              <Table.Td>{rateText(row.figures.onlineShare, language, t)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function LateTable({ items }: { items: LateDossier[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language, t) : t('dashboard.late.none'));
  const status = (s: string) => (s in STATUS_LABELS ? pick(STATUS_LABELS[s as DossierStatus], language) : s);
  return (
    <Table withTableBorder striped miw={900}>
      <Table.Caption>{t('dashboard.late.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {(['code', 'procedure', 'receivedAt', 'dueAt', 'finishedAt', 'status', 'kind'] as const).map(
            (k) => (
              <Table.Th key={k} scope="col">
                {t(`dashboard.late.${k}`)}
              </Table.Th>
            ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((d) => (
          <Table.Tr key={d.id} data-testid="late-row">
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={workspacePaths.dossier(d.id)}>
                {d.code ?? t('dashboard.late.noCode')}
              </Anchor>
            </Table.Th>
            <Table.Td lang="vi">{d.procedure.name}</Table.Td>
            <Table.Td>{when(d.receivedAt)}</Table.Td>
            <Table.Td>{when(d.dueAt)}</Table.Td>
            <Table.Td>{when(d.finishedAt)}</Table.Td>
            <Table.Td>{status(d.status)}</Table.Td>
            <Table.Td fw={600}>{t(`dashboard.late.${d.kind}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
