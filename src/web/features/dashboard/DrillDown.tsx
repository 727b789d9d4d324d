// The dashboard's drill-down: one unit (its headline figures, monthly trend, procedures ranked by on-time rate as a
// chart and a table, its figures by field, and its late dossiers), then one procedure of it (its figures and late dossiers). The period
// comes from the address and is carried along by every link.
import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { dashboardApi, type Period, type ProcedureRow } from './api.ts';
import { ChartFigure, TableScroll } from './ChartFigure.tsx';
import { RateBars } from './Charts.tsx';
import { dashboardPaths } from './dashboardPaths.ts';
import { rateText } from './format.ts';
import { Headline } from './Headline.tsx';
import { PeriodPicker, usePeriod } from './PeriodPicker.tsx';
import { AsOf, ByField, LateSection, Trend } from './Sections.tsx';
import { RankingTable, type RankedRow } from './Tables.tsx';

/** A procedure's row of the ranking tables (the chart's table view and the linked list). */
const procedureRow = (p: ProcedureRow): RankedRow => ({ key: p.procedureId, name: p.name, code: p.code, figures: p });

function useAgency(period: Period | null, agencyId: string) {
  const ranking = useQuery({
    queryKey: ['dashboard', 'by-agency', period],
    queryFn: () => dashboardApi.byAgency(period as Period),
    enabled: period !== null,
  });
  return { ...ranking, agency: ranking.data?.items.find((a) => a.agencyId === agencyId) };
}

export function AgencyView() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const navigate = useNavigate();
  const agencyId = useParams().agencyId ?? '';
  const { period, search } = usePeriod();
  const ranking = useAgency(period, agencyId);
  const procedures = useQuery({
    queryKey: ['dashboard', 'by-procedure', period, agencyId],
    queryFn: () => dashboardApi.byProcedure(period as Period, agencyId),
    enabled: period !== null,
  });
  const name = ranking.agency?.name;
  usePageTitle(name ?? t('dashboard.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`${dashboardPaths.overview}${search}`}>
        {t('dashboard.agency.back')}
      </Anchor>
      <Title order={1} lang="vi">
        {name ?? t('dashboard.title')}
      </Title>
      <AsOf asOf={ranking.data?.asOf} />
      <PeriodPicker />
      {period && ranking.isError && (
        <ErrorMessage error={ranking.error} onRetry={() => void ranking.refetch()} />
      )}
      {period && ranking.agency && <Headline figures={ranking.agency} />}
      {period && <Trend period={period} subject={{ agencyId }} />}
      {period &&
        (procedures.isPending ? (
          <Loading />
        ) : procedures.isError ? (
          <ErrorMessage error={procedures.error} onRetry={() => void procedures.refetch()} />
        ) : (
          procedures.data.items.length > 0 && (
            <Stack gap="sm">
              <ChartFigure
                title={t('dashboard.agency.procedures')}
                chart={
                  <RateBars
                    data={procedures.data.items.map((p) => ({
                      key: p.procedureId,
                      name: p.name,
                      rate: p.onTime.rate,
                      text: rateText(p.onTime.rate, language, t),
                    }))}
                    label={t('dashboard.ranking.rate')}
                    onSelect={(id) => void navigate(`${dashboardPaths.procedure(agencyId, id)}${search}`)}
                  />
                }
                table={
                  <RankingTable
                    rows={procedures.data.items.map((p) => procedureRow(p))}
                    caption={t('dashboard.agency.chartCaption')}
                    nameHeader={t('dashboard.agency.procedure')}
                  />
                }
              />
              <TableScroll label={t('dashboard.agency.proceduresCaption', { name: name ?? '' })}>
                <RankingTable
                  rows={procedures.data.items.map((p) => ({
                    ...procedureRow(p),
                    to: `${dashboardPaths.procedure(agencyId, p.procedureId)}${search}`,
                  }))}
                  caption={t('dashboard.agency.proceduresCaption', { name: name ?? '' })}
                  nameHeader={t('dashboard.agency.procedure')}
                  testId="procedure-row"
                />
              </TableScroll>
            </Stack>
          )
        ))}
      {period && <ByField period={period} subject={{ agencyId }} />}
      {period && <LateSection period={period} agencyId={agencyId} />}
    </Stack>
  );
}

export function ProcedureView() {
  const { t } = useTranslation();
  const params = useParams();
  const agencyId = params.agencyId ?? '';
  const procedureId = params.procedureId ?? '';
  const { period, search } = usePeriod();
  const procedures = useQuery({
    queryKey: ['dashboard', 'by-procedure', period, agencyId],
    queryFn: () => dashboardApi.byProcedure(period as Period, agencyId),
    enabled: period !== null,
  });
  const procedure = procedures.data?.items.find((p) => p.procedureId === procedureId);
  usePageTitle(procedure?.name ?? t('dashboard.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`${dashboardPaths.agency(agencyId)}${search}`}>
        {t('dashboard.procedure.back')}
      </Anchor>
      <Title order={1} lang="vi">
        {procedure?.name ?? t('dashboard.title')}
      </Title>
      <AsOf asOf={procedures.data?.asOf} />
      <PeriodPicker />
      {procedures.isError && (
        <ErrorMessage error={procedures.error} onRetry={() => void procedures.refetch()} />
      )}
      {procedure && <Headline figures={procedure} />}
      {period && <LateSection period={period} agencyId={agencyId} procedureId={procedureId} />}
    </Stack>
  );
}
