// The headline figures of a period: received, resolved, the 2.1 on-time rate with its points, the online and
// e-result shares, the pending overdue dossiers and, where the figures carry it, the satisfied share of the ratings,
// as a list of labelled values.
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { Figures, Satisfaction } from './api.ts';
import { rateText } from './format.ts';

export function Headline({ figures }: { figures: Figures & { satisfaction?: Satisfaction | undefined } }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const headingId = useId();
  const n = (v: number) => formatNumber(v, language);
  const { form, onTime } = figures;
  const items = [
    {
      key: 'received',
      label: t('dashboard.figures.received'),
      value: n(form.received.online + form.received.inPersonOrPost),
      note: t('dashboard.figures.carriedOver', { count: form.received.carriedOver }),
    },
    { key: 'resolved', label: t('dashboard.figures.resolved'), value: n(form.resolved.total) },
    {
      key: 'onTime',
      label: t('dashboard.figures.onTime'),
      value: rateText(onTime.rate, language, t),
      note:
        onTime.points === null
          ? undefined
          : t('dashboard.figures.points', {
              points: formatNumber(onTime.points, language),
              max: onTime.maxPoints,
            }),
    },
    {
      key: 'online',
      label: t('dashboard.figures.online'),
      value: rateText(figures.onlineShare, language, t),
    },
    {
      key: 'eResult',
      label: t('dashboard.figures.eResult'),
      value: rateText(figures.eResultShare, language, t),
    },
    { key: 'overdue', label: t('dashboard.figures.overdue'), value: n(form.pending.overdue) },
    ...(figures.satisfaction
      ? [
          {
            key: 'satisfaction',
            label: t('dashboard.figures.satisfaction'),
            value: rateText(figures.satisfaction.share, language, t),
            note:
              figures.satisfaction.averageScore === null
                ? t('dashboard.figures.noRatings')
                : t('dashboard.figures.ratings', { count: figures.satisfaction.ratings, average: formatNumber(figures.satisfaction.averageScore, language) }),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t('dashboard.figures.heading')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
        {items.map((item) => (
          <Paper key={item.key} withBorder p="sm" data-testid={`figure-${item.key}`}>
            <Text component="dt" size="sm">
              {item.label}
            </Text>
            <Text component="dd" m={0} fw={700} fz="xl">
              {item.value}
            </Text>
            {item.note && (
              <Text component="dd" m={0} size="sm">
                {item.note}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
