// My dossiers (/ca-nhan): the dossiers I filed with their status and deadline in words, and my unfinished drafts
// (continue or delete).
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { paths } from '../../paths.ts';
import { citizenApi } from './api.ts';
import { DeadlineWords } from './DeadlineWords.tsx';

export function MyDossiersPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  usePageTitle(t('citizen.title'));
  const queryClient = useQueryClient();
  const dossiers = useQuery({ queryKey: ['my-dossiers'], queryFn: () => api.listDossiers({ pageSize: 100 }) });
  const drafts = useQuery({ queryKey: ['drafts'], queryFn: citizenApi.drafts });
  const remove = useMutation({
    mutationFn: citizenApi.deleteDraft,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['drafts'] }),
  });

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('citizen.title')}</Title>
        <Text>{t('citizen.list.lead')}</Text>
        <Anchor component={Link} to={paths.catalogue()}>
          {t('citizen.list.findProcedure')}
        </Anchor>
      </Stack>

      <section aria-labelledby="drafts-heading">
        <Title order={2} size="h3" id="drafts-heading" mb="sm">
          {t('citizen.list.drafts')}
        </Title>
        {drafts.isPending && <Loading />}
        {drafts.isError && <ErrorMessage error={drafts.error} onRetry={() => void drafts.refetch()} />}
        {drafts.data?.items.length === 0 && <Text c="dimmed">{t('citizen.list.noDrafts')}</Text>}
        <Stack component="ul" className="plain-list" gap="sm">
          {drafts.data?.items.map((draft) => (
            <Card component="li" key={draft.id} withBorder padding="sm" data-testid="draft-row">
              <Stack gap={4}>
                <Text fw={600} lang="vi">
                  {draft.procedure?.name}
                </Text>
                <Text size="sm">{t('citizen.list.draftSavedAt', { time: formatDateTime(draft.updatedAt, language, t) })}</Text>
                <Group gap="sm">
                  <Button component={Link} to={`${paths.fileOnline(draft.procedureId)}?nhap=${draft.id}`} size="compact-md">
                    {t('citizen.list.continueDraft')}
                  </Button>
                  <Button variant="default" size="compact-md" loading={remove.isPending && remove.variables === draft.id} onClick={() => remove.mutate(draft.id)}>
                    {t('citizen.list.deleteDraft')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      </section>

      <section aria-labelledby="dossiers-heading">
        <Title order={2} size="h3" id="dossiers-heading" mb="sm">
          {t('citizen.list.dossiers')}
        </Title>
        {dossiers.isPending && <Loading />}
        {dossiers.isError && <ErrorMessage error={dossiers.error} onRetry={() => void dossiers.refetch()} />}
        {dossiers.data?.items.length === 0 && <Text c="dimmed">{t('citizen.list.noDossiers')}</Text>}
        <Stack component="ul" className="plain-list" gap="sm">
          {dossiers.data?.items.map((dossier) => (
            <Card component="li" key={dossier.id} withBorder padding="sm" data-testid="dossier-row">
              <Stack gap={4}>
                <Anchor component={Link} to={paths.myDossier(dossier.id)} fw={600} lang="vi">
                  {dossier.procedure?.name}
                </Anchor>
                <Group gap="xs">
                  <Badge variant="light" color="blue" c="blue.9" tt="none">
                    {pick(dossier.statusLabel, language)}
                  </Badge>
                  <Text size="sm">{dossier.code ? t('citizen.list.code', { code: dossier.code }) : t('citizen.list.noCode')}</Text>
                </Group>
                {dossier.createdAt && <Text size="sm">{t('citizen.list.filedAt', { time: formatDateTime(dossier.createdAt, language, t) })}</Text>}
                <DeadlineWords dossier={dossier} />
              </Stack>
            </Card>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
