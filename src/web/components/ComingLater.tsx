// A page that is planned but not built yet: says so plainly instead of pretending.
import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle.ts';

export function ComingLater({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack gap="md" maw={720}>
      <Badge variant="filled" color="gray.8" tt="none" size="lg">
        {t('later.badge')}
      </Badge>
      <Title order={1}>{title}</Title>
      <Text>{text}</Text>
      {children}
      <Anchor href="/api/docs">{t('later.apiLink')}</Anchor>
    </Stack>
  );
}
