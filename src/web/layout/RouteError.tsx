// Catches a page that throws while rendering, or a lazy page that fails to load (e.g. after a new version was
// deployed), and offers a reload instead of a blank screen. Moving to another page clears it.
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function ErrorView() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1}>{t('app.errorTitle')}</Title>
      <Text>{t('app.errorText')}</Text>
      <Group>
        <Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>
        <Anchor href="/">{t('app.backHome')}</Anchor>
      </Group>
    </Stack>
  );
}

export class RouteErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): { failedAt: string } {
    return { failedAt: '' };
  }

  override componentDidCatch(error: unknown) {
    this.setState({ failedAt: this.props.resetKey });
    console.error(error);
  }

  override render() {
    const { failedAt } = this.state;
    if (failedAt !== null && (failedAt === '' || failedAt === this.props.resetKey)) return <ErrorView />;
    return this.props.children;
  }
}
