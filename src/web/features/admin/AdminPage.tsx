// Administration (loaded on demand): a section menu and the pages for agencies and officers, the catalogue import,
// internal workflows, the working calendar and settings. Agency administrators see only their agencies' officers.
import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { isAdministrator, useSession } from '../account/useSession.ts';
import { adminPaths } from './adminPaths.ts';
import { AgenciesPage } from './AgenciesPage.tsx';
import { AgencyPage } from './AgencyPage.tsx';
import { CalendarPage } from './CalendarPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { useIsProvinceAdmin } from './useIsProvinceAdmin.ts';
import { WorkflowPage } from './WorkflowPage.tsx';

const SECTIONS = [
  { key: 'agencies', to: adminPaths.agencies, provinceOnly: false },
  { key: 'catalogue', to: adminPaths.catalogue, provinceOnly: true },
  { key: 'workflow', to: adminPaths.workflow(), provinceOnly: true },
  { key: 'calendar', to: adminPaths.calendar, provinceOnly: true },
  { key: 'settings', to: adminPaths.settings, provinceOnly: true },
  { key: 'indicators', to: adminPaths.indicatorSettings, provinceOnly: true },
] as const;

export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!isAdministrator(session.data)) return <NeedLogin />;
  return (
    <Stack gap="lg">
      <AdminNav />
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="co-quan" element={<AgenciesPage />} />
        <Route path="co-quan/:agencyId" element={<AgencyPage />} />
        <Route path="danh-muc" element={<ProvinceOnly page={<ImportPage />} />} />
        <Route path="quy-trinh" element={<ProvinceOnly page={<WorkflowPage />} />} />
        <Route path="lich" element={<ProvinceOnly page={<CalendarPage />} />} />
        <Route path="cai-dat" element={<ProvinceOnly page={<SettingsPage />} />} />
        <Route path="*" element={<Title order={1}>{t('app.notFoundTitle')}</Title>} />
      </Routes>
    </Stack>
  );
}

/** The administration's section menu (also shown by the 766 settings page, routed outside this one). */
export function AdminNav() {
  const { t } = useTranslation();
  const isProvinceAdmin = useIsProvinceAdmin();
  return (
    <nav aria-label={t('admin.sections')}>
      <Group gap="xs" wrap="wrap" component="ul" className="plain-list">
        <li>
          <Anchor component={NavLink} to={adminPaths.home} end size="sm">
            {t('admin.nav.home')}
          </Anchor>
        </li>
        {SECTIONS.filter((s) => isProvinceAdmin || !s.provinceOnly).map((section) => (
          <li key={section.key}>
            <Anchor component={NavLink} to={section.to} size="sm">
              {t(`admin.nav.${section.key}`)}
            </Anchor>
          </li>
        ))}
      </Group>
    </nav>
  );
}

function AdminHome() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const isProvinceAdmin = useIsProvinceAdmin();
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.title')}</Title>
      <Text>{t('admin.lead')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" data-testid="admin-home">
        {SECTIONS.filter((s) => isProvinceAdmin || !s.provinceOnly).map((section) => (
          <Card key={section.key} withBorder component="li">
            <Title order={2} size="h4">
              <Anchor component={Link} to={section.to}>
                {t(`admin.nav.${section.key}`)}
              </Anchor>
            </Title>
            <Text size="sm">{t(`admin.navText.${section.key}`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ProvinceOnly({ page }: { page: ReactNode }) {
  const { t } = useTranslation();
  if (useIsProvinceAdmin()) return page;
  return <Alert variant="light">{t('admin.provinceOnly')}</Alert>;
}

function NeedLogin() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.title')}</Title>
      <Alert variant="light">
        <Anchor component={Link} to={`${paths.login}?tiep=${encodeURIComponent(paths.admin)}`}>
          {t('admin.needLogin')}
        </Anchor>
      </Alert>
    </Stack>
  );
}
