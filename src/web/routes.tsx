// The app's pages. The public portal is in the first download; the citizen's space, the officer workspace and
// administration are separate chunks fetched only when someone opens them. (Declarative routes: the data router
// would add ~16 kB of compressed JavaScript for loaders and actions this app does not use; React Query fetches
// the data.)
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from './features/account/LoginPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { CataloguePage } from './features/procedures/CataloguePage.tsx';
import { ProcedurePage } from './features/procedures/ProcedurePage.tsx';
import { ResultsPage } from './features/results/ResultsPage.tsx';
import { TrackingPage } from './features/tracking/TrackingPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';

const WorkspacePage = lazy(async () => ({ default: (await import('./features/workspace/WorkspacePage.tsx')).WorkspacePage }));
const CitizenPage = lazy(async () => ({ default: (await import('./features/citizen/CitizenPage.tsx')).CitizenPage }));
const RegisterPage = lazy(async () => ({ default: (await import('./features/citizen/CitizenPage.tsx')).RegisterPage }));
const DashboardPage = lazy(async () => ({ default: (await import('./features/dashboard/DashboardPage.tsx')).DashboardPage }));
const Report06aPage = lazy(async () => ({ default: (await import('./features/dashboard/Report06aPage.tsx')).Report06aPage }));
const AdminPage = lazy(async () => ({ default: (await import('./features/admin/AdminPage.tsx')).AdminPage }));
const IndicatorSettingsPage = lazy(async () => ({ default: (await import('./features/admin/IndicatorSettingsPage.tsx')).IndicatorSettingsPage }));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc" element={<CataloguePage />} />
        <Route path="thu-tuc/:id" element={<ProcedurePage />} />
        <Route path="tra-cuu" element={<TrackingPage />} />
        <Route path="ket-qua-giai-quyet" element={<ResultsPage />} />
        <Route path="dang-nhap" element={<LoginPage />} />
        <Route path="dang-ky" element={<RegisterPage />} />
        <Route path="ca-nhan/*" element={<CitizenPage />} />
        <Route path="can-bo/chi-so/bieu-ii-06a" element={<Report06aPage />} />
        <Route path="can-bo/chi-so/*" element={<DashboardPage />} />
        <Route path="can-bo/*" element={<WorkspacePage />} />
        <Route path="quan-tri/chi-so-766" element={<IndicatorSettingsPage />} />
        <Route path="quan-tri/*" element={<AdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
