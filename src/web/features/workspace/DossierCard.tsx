// One inbox row as a card (never a table: a 360 px phone must not scroll sideways): code, deadline badge,
// procedure, applicant, status, the deadline that counts now and, while awaiting acceptance, the 8-working-hour
// countdown in words. `children` holds extra controls (the bulk return's checkbox and waybill).
import { Anchor, Card, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import type { InboxDossier } from './api.ts';
import { acceptanceClockText, DeadlineBadge } from './deadline.tsx';
import { workspacePaths } from './workspacePaths.ts';

export function DossierCard({ dossier, children }: { dossier: InboxDossier; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const due = dossier.status === 'submitted' ? dossier.acceptanceDueAt : dossier.dueAt;
  const minutesLeft = dossier.status === 'submitted' ? dossier.acceptanceWorkingMinutesLeft : null;
  return (
    <Card component="li" withBorder padding="sm" data-testid="inbox-row">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Anchor component={Link} to={workspacePaths.dossier(dossier.id)} fw={700} style={{ overflowWrap: 'anywhere' }}>
          {dossier.code ?? `${t('workspace.noCode')} · ${dossier.applicant.name}`}
        </Anchor>
        <DeadlineBadge dossier={dossier} />
      </Group>
      <Text size="sm" lang="vi">
        {dossier.procedure?.name}
      </Text>
      <Text size="sm">
        {t('workspace.applicant')}: {dossier.applicant.name}
      </Text>
      <Text size="sm">
        {t('workspace.status')}: {pick(dossier.statusLabel, language)}
      </Text>
      <Text size="sm">
        {dossier.status === 'submitted' ? t('workspace.acceptanceDueAt') : t('workspace.dueAt')}: {due ? formatDateTime(due, language, t) : t('workspace.none')}
      </Text>
      {minutesLeft != null && (
        <Text size="sm" fw={700} c={minutesLeft < 0 ? 'red.9' : undefined} data-testid="acceptance-clock">
          {acceptanceClockText(minutesLeft, t)}
        </Text>
      )}
      {children}
    </Card>
  );
}
