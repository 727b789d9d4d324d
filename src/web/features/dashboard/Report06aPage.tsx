// Form II.06a/VPCP/KSTT as a page (its own lazy chunk, without the dashboard's charts): the dashboard's period picker,
// rows by agency or by field and level (`?theo=linh-vuc`), the table as on the official form, and links that download
// the same report as .xlsx and .pdf (plain links: the session cookie goes with them).
import { Alert, Anchor, Button, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../account/useSession.ts';
import { seesDashboard } from './access.ts';
import { dashboardApi, type Period, type ReportGrouping } from './api.ts';
import { TableScroll } from './ChartFigure.tsx';
import { dashboardPaths } from './dashboardPaths.ts';
import { PeriodPicker, usePeriod } from './PeriodPicker.tsx';
import { Report06aTable } from './Report06aTable.tsx';

const GROUP_PARAM = 'theo';
const BY_FIELD = 'linh-vuc';

/**
 * The grouping, kept in the address as `?theo=linh-vuc` (the query string, not the path: a new path would move the
 * focus to the page's main region, away from the radio just chosen); the period picker keeps it when the period changes.
 */
function useGrouping(): [ReportGrouping, (g: ReportGrouping) => void] {
  const [params, setParams] = useSearchParams();
  const groupBy: ReportGrouping = params.get(GROUP_PARAM) === BY_FIELD ? 'field' : 'agency';
  const setGroupBy = (g: ReportGrouping) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (g === 'field') next.set(GROUP_PARAM, BY_FIELD);
        else next.delete(GROUP_PARAM);
        return next;
      },
      { replace: true },
    );
  return [groupBy, setGroupBy];
}

export function Report06aPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [groupBy, setGroupBy] = useGrouping();
  const { period, search } = usePeriod();
  usePageTitle(t('report06a.title'));
  if (session.isPending) return <Loading />;
  if (!seesDashboard(session.data)) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('report06a.title')}</Title>
        <Alert variant="light">{t('dashboard.notForYou')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`${dashboardPaths.overview}${search}`}>
        {t('report06a.back')}
      </Anchor>
      <div>
        <Title order={1}>{t('report06a.title')}</Title>
        <Text size="sm">{t('report06a.formCode')}</Text>
      </div>
      <PeriodPicker />
      <Radio.Group
        label={t('report06a.groupBy')}
        value={groupBy}
        onChange={(value) => setGroupBy(value as ReportGrouping)}
      >
        <Group gap="lg" mt={4}>
          <Radio value="agency" label={t('report06a.byAgency')} />
          <Radio value="field" label={t('report06a.byField')} />
        </Group>
      </Radio.Group>
      {period && <Report period={period} groupBy={groupBy} />}
    </Stack>
  );
}

function Report({ period, groupBy }: { period: Period; groupBy: ReportGrouping }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['dashboard', 'report06a', period, groupBy],
    queryFn: () => dashboardApi.report06a(period, groupBy),
  });
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />;
  return (
    <Stack gap="sm">
      <Group gap="sm" role="group" aria-label={t('report06a.downloads')}>
        <Button component="a" variant="default" href={dashboardApi.report06aFile(period, groupBy, 'xlsx')} download>
          {t('report06a.xlsx')}
        </Button>
        <Button component="a" variant="default" href={dashboardApi.report06aFile(period, groupBy, 'pdf')} download>
          {t('report06a.pdf')}
        </Button>
      </Group>
      {report.data.rows.length === 0 ? (
        <Alert variant="light">{t('report06a.empty')}</Alert>
      ) : (
        <TableScroll label={t('report06a.scroll')}>
          <Report06aTable report={report.data} />
        </TableScroll>
      )}
    </Stack>
  );
}
