// The frame of every page: skip link, header (banner) with the main navigation, the page (main), footer.
// On a phone the navigation folds into a menu drawer. After each navigation, focus moves to the new page's
// main region so screen-reader and keyboard users start reading there.
import { Anchor, Box, Burger, Button, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Loading } from '../components/Loading.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { isAdministrator, isOfficer, useLogout, useSession } from '../features/account/useSession.ts';
import { seesDashboard } from '../features/dashboard/access.ts';
import { paths } from '../paths.ts';
import { useSite } from '../site.ts';
import { RouteErrorBoundary } from './RouteError.tsx';

const MAIN_ID = 'main-content';

function NavLinks({ onNavigate, direction }: { onNavigate?: () => void; direction: 'row' | 'column' }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data;
  const { pathname } = useLocation();
  // The dashboard lives under the workspace's path: only its own link is the current page there.
  const isCurrent = (to: string, end: boolean) =>
    pathname === to ||
    (!end && pathname.startsWith(`${to}/`) && !(to === paths.workspace && pathname.startsWith(paths.dashboard)));
  const links = [
    { to: paths.home, label: t('nav.home'), end: true },
    { to: paths.catalogue(), label: t('nav.procedures'), end: false },
    { to: paths.tracking(), label: t('nav.tracking'), end: false },
    ...(me?.kind === 'citizen' ? [{ to: paths.myDossiers, label: t('citizen.title'), end: false }] : []),
    ...(isOfficer(me) ? [{ to: paths.workspace, label: t('nav.workspace'), end: false }] : []),
    ...(seesDashboard(me) ? [{ to: paths.dashboard, label: t('dashboard.nav'), end: false }] : []),
    ...(isAdministrator(me) ? [{ to: paths.admin, label: t('nav.admin'), end: false }] : []),
  ];
  const Wrapper = direction === 'row' ? Group : Stack;
  return (
    <Wrapper component="ul" className="plain-list" gap={direction === 'row' ? 'lg' : 'md'}>
      {links.map((link) => (
        <li key={link.to}>
          <Anchor component={Link} to={link.to} aria-current={isCurrent(link.to, link.end) ? 'page' : undefined} onClick={onNavigate} fw={500}>
            {link.label}
          </Anchor>
        </li>
      ))}
    </Wrapper>
  );
}

function SessionArea({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (session.data) {
    return (
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('nav.signedInAs', { name: session.data.displayName })}</Text>
        <Button
          variant="default"
          size="compact-md"
          loading={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, {
              onSuccess: () => {
                onNavigate?.();
                void navigate(paths.home);
              },
            })
          }
        >
          {t('nav.logout')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Button component={Link} to={paths.login} variant="filled" size="compact-md" onClick={onNavigate}>
        {t('nav.login')}
      </Button>
      <Button component={Link} to={paths.register} variant="default" size="compact-md" onClick={onNavigate}>
        {t('citizen.registerLink')}
      </Button>
    </Group>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const site = useSite();
  const location = useLocation();
  const [menuOpened, menu] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const portalName = site.data?.provinceName ? t('app.nameOf', { province: site.data.provinceName }) : t('app.name');

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink target={MAIN_ID}>{t('app.skipToContent')}</SkipLink>
      <Box component="header" bg="blue.9" c="white" py="sm">
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={paths.home} c="white" underline="never" style={{ minWidth: 0 }}>
              <Text fw={700} size="lg" lh={1.2}>
                {portalName}
              </Text>
              <Text size="xs" lh={1.3}>
                {t('app.tagline')}
              </Text>
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <Burger
                hiddenFrom="md"
                opened={menuOpened}
                onClick={menu.toggle}
                color="white"
                aria-label={menuOpened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={menuOpened}
              />
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="nav" aria-label={t('nav.label')} visibleFrom="md" bg="gray.0" py="xs" className="main-nav" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between">
            <NavLinks direction="row" />
            <SessionArea />
          </Group>
        </Container>
      </Box>
      <Drawer opened={menuOpened} onClose={menu.close} title={t('nav.menuTitle')} size="xs" closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}>
        <Stack component="nav" aria-label={t('nav.label')} className="main-nav" gap="lg">
          <NavLinks direction="column" onNavigate={menu.close} />
          <SessionArea onNavigate={menu.close} />
        </Stack>
      </Drawer>
      <Box component="main" id={MAIN_ID} ref={mainRef} tabIndex={-1} style={{ flex: 1 }} py="lg">
        <Container size="lg">
          <RouteErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </Container>
      </Box>
      <Box component="footer" bg="gray.1" py="md" mt="xl">
        <Container size="lg">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('app.footer')}</Text>
            <Anchor href="/api/docs" size="sm">
              {t('app.apiDocs')}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
