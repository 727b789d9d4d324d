// Form II.06a on screen, laid out as the official form: STT, the agency (or the field and level), then the three
// header groups (received, resolved, pending) spanning their columns, with real colgroup / col scopes so that a screen
// reader reads each figure with its group and column; the caption gives the period and the report instant.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';
import { currentLanguage, type Language } from '../../i18n/i18n.ts';
import type { Report06a } from './api.ts';
import { lastDay } from './period.ts';

type Form = Report06a['total'];

const GROUPS = [
  { key: 'received', columns: ['total', 'online', 'inPersonOrPost', 'carriedOver'] },
  { key: 'resolved', columns: ['total', 'early', 'onTime', 'late'] },
  { key: 'pending', columns: ['total', 'withinDeadline', 'overdue'] },
] as const;

const figures = (form: Form): number[] =>
  GROUPS.flatMap((g) => g.columns.map((c) => (form[g.key] as Record<string, number>)[c] ?? 0));

/** "01/03/2026" / "1 March 2026": a calendar day of the report, in Vietnam time. */
export function dayText(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: language === 'vi' ? '2-digit' : 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T00:00:00+07:00`));
}

export function Report06aTable({ report }: { report: Report06a }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const n = (v: number) => formatNumber(v, language);
  const caption = t('report06a.caption', {
    from: dayText(report.period.from, language),
    last: dayText(lastDay(report.period), language),
    asOf: dayText(report.asOf, language),
  });
  return (
    <Table withTableBorder withColumnBorders striped captionSide="top" miw={1040} data-testid="report-06a">
      <Table.Caption>{caption}</Table.Caption>
      <colgroup span={1} />
      <colgroup span={1} />
      {GROUPS.map((g) => (
        <colgroup key={g.key} span={g.columns.length} />
      ))}
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" rowSpan={2}>
            {t('report06a.columns.stt')}
          </Table.Th>
          <Table.Th scope="col" rowSpan={2}>
            {report.groupBy === 'field' ? t('report06a.columns.field') : t('report06a.columns.agency')}
          </Table.Th>
          {GROUPS.map((g) => (
            <Table.Th key={g.key} scope="colgroup" colSpan={g.columns.length} ta="center">
              {t(`report06a.columns.${g.key}`)}
            </Table.Th>
          ))}
        </Table.Tr>
        <Table.Tr>
          {GROUPS.flatMap((g) =>
            g.columns.map((c) => (
              <Table.Th key={`${g.key}-${c}`} scope="col" ta="right">
                {t(`report06a.columns.${c}`)}
              </Table.Th>
            )),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.rows.map((row, i) => (
          <Table.Tr key={row.agencyId ?? `${row.level ?? ''}|${row.field ?? ''}`} data-testid="report-row">
            <Table.Td>{n(i + 1)}</Table.Td>
            <Table.Th scope="row" fw={500} lang="vi">
              {row.label}
            </Table.Th>
            {figures(row).map((v, k) => (
              <Table.Td key={k} ta="right">
                {n(v)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-testid="report-total">
          <Table.Th scope="row" colSpan={2}>
            {t('report06a.totalRow')}
          </Table.Th>
          {figures(report.total).map((v, k) => (
            <Table.Td key={k} ta="right" fw={700}>
              {n(v)}
            </Table.Td>
          ))}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
