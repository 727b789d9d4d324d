// Sections shared by the dashboard's pages: "figures as of …", the monthly trend and the figures by field (each a chart
// and its table), for the viewer's scope, one agency or one administrative unit, and the late dossiers of an agency
// or one of its procedures.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { dashboardApi, type AskedUnit, type FieldRow, type Period, type Subject, type TrendPoint } from './api.ts';
import { ChartFigure, TableScroll } from './ChartFigure.tsx';
import { RateBars, TrendChart } from './Charts.tsx';
import { rateText } from './format.ts';
import { LateTable, RankingTable, TrendTable } from './Tables.tsx';

/** "Figures as of …" under a page's heading. */
/** Whose figures these are (the viewer's agencies, or the unit chosen) and the instant they are counted to. */
export function AsOf({ asOf, unit }: { asOf: string | undefined; unit?: AskedUnit | undefined }) {
  const { t, i18n } = useTranslation();
  if (!asOf) return null;
  const date = formatDate(`${asOf}T00:00:00+07:00`, currentLanguage(i18n.language));
  return <Text>{unit ? t('dashboard.leadUnit', { unit: unit.name, asOf: date }) : t('dashboard.lead', { asOf: date })}</Text>;
}

export function Trend({ period, subject = {} }: { period: Period; subject?: Subject }) {
  const { t } = useTranslation();
  const trend = useQuery({
    queryKey: ['dashboard', 'trend', period, subject],
    queryFn: () => dashboardApi.trend(period, subject),
  });
  if (trend.isPending) return <Loading />;
  if (trend.isError) return <ErrorMessage error={trend.error} onRetry={() => void trend.refetch()} />;
  const points: TrendPoint[] = trend.data.points;
  return (
    <ChartFigure
      title={t('dashboard.trend.heading')}
      chart={
        <TrendChart
          data={points}
          labels={{
            received: t('dashboard.trend.received'),
            resolved: t('dashboard.trend.resolved'),
            onTimeRate: t('dashboard.trend.onTimeRate'),
          }}
        />
      }
      table={<TrendTable points={points} caption={t('dashboard.trend.caption')} />}
    />
  );
}

/** The figures of each field (lĩnh vực) of the procedures, ranked by the 2.1 rate: bars of the rates and the table. */
export function ByField({ period, subject = {} }: { period: Period; subject?: Subject }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const fields = useQuery({
    queryKey: ['dashboard', 'by-field', period, subject],
    queryFn: () => dashboardApi.byField(period, subject),
  });
  if (fields.isPending) return <Loading />;
  if (fields.isError) return <ErrorMessage error={fields.error} onRetry={() => void fields.refetch()} />;
  const items: FieldRow[] = fields.data.items;
  if (items.length === 0) return <Alert variant="light">{t('dashboard.byField.empty')}</Alert>;
  const key = (f: FieldRow) => f.field ?? '';
  return (
    <ChartFigure
      title={t('dashboard.byField.heading')}
      chart={
        <RateBars
          data={items.map((f) => ({ key: key(f), name: f.name, rate: f.onTime.rate, text: rateText(f.onTime.rate, language, t) }))}
          label={t('dashboard.ranking.rate')}
        />
      }
      table={
        <RankingTable
          rows={items.map((f) => ({ key: key(f), name: f.name, code: null, figures: f }))}
          caption={t('dashboard.byField.caption')}
          nameHeader={t('dashboard.byField.field')}
          testId="field-row"
        />
      }
    />
  );
}

export function LateSection({
  period,
  agencyId,
  procedureId,
}: {
  period: Period;
  agencyId: string;
  procedureId?: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const late = useQuery({
    queryKey: ['dashboard', 'late', period, agencyId, procedureId],
    queryFn: () => dashboardApi.lateDossiers(period, agencyId, procedureId),
  });
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h3" id={headingId}>
        {t('dashboard.late.heading')}
      </Title>
      {late.isPending ? (
        <Loading />
      ) : late.isError ? (
        <ErrorMessage error={late.error} onRetry={() => void late.refetch()} />
      ) : late.data.total === 0 ? (
        <Alert variant="light">{t('dashboard.late.empty')}</Alert>
      ) : (
        <>
          <Text>{t('dashboard.late.count', { total: late.data.total, shown: late.data.items.length })}</Text>
          <TableScroll label={t('dashboard.late.caption')}>
            <LateTable items={late.data.items} />
          </TableScroll>
        </>
      )}
    </Stack>
  );
}
