// The leaders' dashboard (a lazy chunk with recharts, never in the public first load): the period picker and the unit
// filter, the headline figures of every agency the viewer may see (or of the unit chosen), the 766 index when the API
// gives it, the monthly trend, the ranking of units and the figures by field, each chart with its table; units drill
// down to their procedures and late dossiers (DrillDown.tsx).
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useSession } from '../account/useSession.ts';
import { adminPaths } from '../admin/adminPaths.ts';
import { seesDashboard, seesIndicatorSettings } from './access.ts';
import { dashboardApi, type AgencyRow, type Period } from './api.ts';
import { ChartFigure, TableScroll } from './ChartFigure.tsx';
import { RateBars } from './Charts.tsx';
import { dashboardPaths } from './dashboardPaths.ts';
import { AgencyView, ProcedureView } from './DrillDown.tsx';
import { rateText } from './format.ts';
import { Headline } from './Headline.tsx';
import { Index766Panel } from './Index766Panel.tsx';
import { PeriodPicker, usePeriod } from './PeriodPicker.tsx';
import { RankingTable } from './Tables.tsx';
import { AsOf, ByField, Trend } from './Sections.tsx';
import { UnitFilter, useUnitFilter } from './UnitFilter.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('dashboard.title'));
  if (session.isPending) return <Loading />;
  if (!seesDashboard(session.data)) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('dashboard.title')}</Title>
        <Alert variant="light">{t('dashboard.notForYou')}</Alert>
      </Stack>
    );
  }
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="don-vi/:agencyId" element={<AgencyView />} />
      <Route path="don-vi/:agencyId/thu-tuc/:procedureId" element={<ProcedureView />} />
    </Routes>
  );
}

function Overview() {
  const { t } = useTranslation();
  const session = useSession();
  const { period, search } = usePeriod();
  const [unitCode] = useUnitFilter();
  const figures = useQuery({
    queryKey: ['dashboard', 'indicators', period, unitCode],
    queryFn: () => dashboardApi.indicators(period as Period, { unitCode }),
    enabled: period !== null,
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{t('dashboard.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to={`${dashboardPaths.report06a}${search}`} variant="light">
            {t('report06a.link')}
          </Button>
          {seesIndicatorSettings(session.data) && (
            <Button component={Link} to={adminPaths.indicatorSettings} variant="subtle">
              {t('dashboard.settingsLink')}
            </Button>
          )}
        </Group>
      </Group>
      <AsOf asOf={figures.data?.asOf} unit={figures.data?.unit} />
      <PeriodPicker />
      <UnitFilter />
      {period &&
        (figures.isPending ? (
          <Loading />
        ) : figures.isError ? (
          <ErrorMessage error={figures.error} onRetry={() => void figures.refetch()} />
        ) : (
          <>
            <Headline figures={figures.data} />
            {figures.data.index766 && <Index766Panel index={figures.data.index766} />}
            <Trend period={period} subject={{ unitCode }} />
            <Ranking period={period} unitCode={unitCode} />
            <ByField period={period} subject={{ unitCode }} />
          </>
        ))}
    </Stack>
  );
}

function Ranking({ period, unitCode }: { period: Period; unitCode: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const navigate = useNavigate();
  const { search } = usePeriod();
  const ranking = useQuery({
    queryKey: ['dashboard', 'by-agency', period, unitCode],
    queryFn: () => dashboardApi.byAgency(period, unitCode),
  });
  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <ErrorMessage error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const items: AgencyRow[] = ranking.data.items;
  if (items.length === 0) return <Alert variant="light">{t('dashboard.ranking.empty')}</Alert>;
  const rows = items.map((a) => ({ key: a.agencyId, name: a.name, code: a.code, figures: a }));
  return (
    <Stack gap="sm">
      <ChartFigure
        title={t('dashboard.ranking.heading')}
        chart={
          <RateBars
            data={items.map((a) => ({
              key: a.agencyId,
              name: a.name,
              rate: a.onTime.rate,
              text: rateText(a.onTime.rate, language, t),
            }))}
            label={t('dashboard.ranking.rate')}
            onSelect={(id) => void navigate(`${dashboardPaths.agency(id)}${search}`)}
          />
        }
        table={
          <RankingTable
            rows={rows}
            caption={t('dashboard.ranking.caption')}
            nameHeader={t('dashboard.ranking.unit')}
          />
        }
      />
      <TableScroll label={t('dashboard.ranking.tableCaption')}>
        <RankingTable
          rows={rows.map((r) => ({ ...r, to: `${dashboardPaths.agency(r.key)}${search}` }))}
          caption={t('dashboard.ranking.tableCaption')}
          nameHeader={t('dashboard.ranking.unit')}
          testId="unit-row"
        />
      </TableScroll>
    </Stack>
  );
}
