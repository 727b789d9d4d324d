// A chart with its table: a heading, a button that switches between the chart and its table, and, while the chart
// is shown, the same table visually hidden for screen readers (the chart itself is hidden from them). Each table
// has a caption.
import { Button, Group, Stack, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ChartFigure({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={2} id={headingId} size="h3">
          {title}
        </Title>
        <Button variant="default" size="compact-sm" onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('dashboard.chart.showChart') : t('dashboard.chart.showTable')}
        </Button>
      </Group>
      {asTable ? (
        <TableScroll>{table}</TableScroll>
      ) : (
        <>
          <div aria-hidden="true" data-testid="chart">
            {chart}
          </div>
          <VisuallyHidden>{table}</VisuallyHidden>
        </>
      )}
    </Stack>
  );
}

/** A wide table scrolls inside its own focusable region on a phone, never the page. */
export function TableScroll({ children, label }: { children: ReactNode; label?: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="region"
      aria-label={label ?? t('dashboard.chart.showTable')}
      tabIndex={0}
      style={{ overflowX: 'auto' }}
    >
      {children}
    </div>
  );
}
