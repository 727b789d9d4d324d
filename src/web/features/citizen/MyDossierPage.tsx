// One of my dossiers (/ca-nhan/ho-so/:id): status and deadline in words, what I may do now (as the API allows:
// supply documents, withdraw), the receipt (Form 01) and result documents to download, the rating once the result
// is ready, and the progress told in a citizen's words (internal hand-offs shown as "being processed").
import { Alert, Anchor, Badge, Box, Breadcrumbs, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type DossierTimelineEntry } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { InfoList } from '../../components/InfoList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { paths } from '../../paths.ts';
import { citizenApi, type CitizenDossier } from './api.ts';
import { DeadlineWords } from './DeadlineWords.tsx';
import { RatingSection, SupplementForm, WithdrawForm } from './DossierActions.tsx';
import { useSizeText } from './useSizeText.ts';

const PROCESSING = new Set(['assign', 'forward', 'return_previous', 'recall', 'consult', 'request_inter_agency', 'answer_consultation', 'transfer_level']);
const OWN_WORDING = new Set(['submit', 'intake', 'receive', 'refuse_intake', 'request_supplement', 'submit_supplement', 'close_unsupplemented', 'request_payment', 'record_payment', 'withdraw', 'refuse', 'stop', 'extend', 'approve', 'issue_result', 'return_result', 'correct_result']);

/** The entries a citizen reads: internal hand-offs in a row become one "being processed". */
function citizenTimeline(timeline: DossierTimelineEntry[]): { entry: DossierTimelineEntry; kind: string }[] {
  const entries: { entry: DossierTimelineEntry; kind: string }[] = [];
  for (const entry of timeline) {
    const kind = PROCESSING.has(entry.type) ? 'processing' : OWN_WORDING.has(entry.type) ? entry.type : 'processing';
    if (kind === 'processing' && entries.at(-1)?.kind === 'processing') continue;
    entries.push({ entry, kind });
  }
  return entries;
}

function Timeline({ dossier }: { dossier: CitizenDossier }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join('; ') : '');
  return (
    <List component="ol" spacing="sm" listStyleType="none" pl={0}>
      {citizenTimeline(dossier.timeline).map(({ entry, kind }) => {
        const payload = entry.payload ?? {};
        const details = [
          kind === 'request_supplement' && list(payload.missing) ? t('citizen.events.missing', { items: list(payload.missing) }) : '',
          list(payload.reasons) ? t('citizen.events.reasons', { items: list(payload.reasons) }) : '',
          kind === 'withdraw' && typeof payload.reason === 'string' ? t('citizen.events.reasons', { items: payload.reason }) : '',
          (kind === 'request_supplement' || kind === 'submit_supplement') && typeof payload.note === 'string' ? t('citizen.events.note', { note: payload.note }) : '',
        ].filter(Boolean);
        return (
          <List.Item key={entry.seq} data-testid="timeline-entry">
            <Text fw={600}>{t(`citizen.events.${kind}` as 'citizen.events.submit', { code: typeof payload.code === 'string' ? payload.code : '' })}</Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(entry.at, language, t)}
            </Text>
            {details.map((line) => (
              <Text key={line} size="sm" lang="vi">
                {line}
              </Text>
            ))}
          </List.Item>
        );
      })}
    </List>
  );
}

function Documents({ dossier }: { dossier: CitizenDossier }) {
  const { t } = useTranslation();
  const sizeText = useSizeText();
  // The catalogue lists every document a case might need; the page shows those the applicant sent.
  const withFiles = dossier.components.filter((component) => component.files.length > 0);
  const download = (file: { id: string; name: string; size: number }) => (
    <Anchor href={citizenApi.fileUrl(file.id)} download={file.name}>
      {t('citizen.dossier.download', { name: file.name, size: sizeText(file.size) })}
    </Anchor>
  );
  return (
    <Stack gap="md">
      {dossier.resultFiles.length > 0 || dossier.resultNumber ? (
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('citizen.dossier.results')}
          </Title>
          {dossier.resultNumber && <Text>{t('citizen.dossier.resultNumber', { number: dossier.resultNumber })}</Text>}
          <List>
            {dossier.resultFiles.map((file) => (
              <List.Item key={file.id} data-testid="result-file">
                {download(file)}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {dossier.code && (
        <Anchor href={api.dossierFormUrl(dossier.id, '01')} target="_blank" rel="noopener">
          {t('citizen.dossier.receipt')}
        </Anchor>
      )}
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('citizen.dossier.components')}
        </Title>
        {withFiles.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('citizen.dossier.noFiles')}
          </Text>
        )}
        <List spacing={4}>
          {withFiles.map((component, index) => (
            <List.Item key={index}>
              <Text lang="vi" size="sm" lineClamp={3}>
                {component.name}
              </Text>
              {component.files.map((file) => (
                <Text key={file.id} size="sm">
                  {download(file)}
                </Text>
              ))}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}

export function MyDossierPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { id = '' } = useParams();
  const dossier = useQuery({ queryKey: ['citizen-dossier', id], queryFn: () => citizenApi.dossier(id), retry: false });
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(dossier.data?.procedure?.name ?? t('citizen.title'));
  const isMissing = dossier.error instanceof ApiError && (dossier.error.status === 404 || dossier.error.status === 400);
  const d = dossier.data;
  const canSupplement = d?.allowedActions.includes('submit_supplement') ?? false;
  const canWithdraw = d?.allowedActions.includes('withdraw') ?? false;

  return (
    <Stack gap="lg">
      <Box component="nav" aria-label={t('nav.breadcrumbs')}>
        <Breadcrumbs separator="›">
          <Anchor component={Link} to={paths.myDossiers} size="sm">
            {t('citizen.title')}
          </Anchor>
        </Breadcrumbs>
      </Box>
      {dossier.isPending && <Loading />}
      {isMissing && <Text role="alert">{t('citizen.dossier.notFound')}</Text>}
      {dossier.isError && !isMissing && <ErrorMessage error={dossier.error} onRetry={() => void dossier.refetch()} />}
      {d && (
        <>
          <Stack gap="xs">
            <Title order={1} lang="vi">
              {d.procedure?.name}
            </Title>
            <Group gap="xs">
              <Text fw={500}>{t('citizen.dossier.status')}:</Text>
              <Badge variant="light" color="blue" c="blue.9" tt="none" size="lg" data-testid="dossier-status">
                {pick(d.statusLabel, language)}
              </Badge>
            </Group>
            <InfoList
              rows={[
                { label: t('citizen.dossier.code'), value: d.code ?? t('citizen.dossier.noCode') },
                { label: t('citizen.dossier.applicant'), value: d.applicant.name, lang: 'vi' },
              ]}
            />
            <DeadlineWords dossier={d} />
            {d.code && (
              <Anchor component={Link} to={paths.tracking(d.code)}>
                {t('citizen.dossier.track')}
              </Anchor>
            )}
          </Stack>
          {done && (
            <Alert color="teal" variant="light" role="status">
              {t('citizen.dossier.done', { action: done })}
            </Alert>
          )}
          {(canSupplement || canWithdraw) && (
            <Stack gap="md" component="section" aria-labelledby="actions-heading">
              <Title order={2} size="h3" id="actions-heading">
                {t('citizen.dossier.actions')}
              </Title>
              {canSupplement && <SupplementForm key={d.version} dossier={d} onDone={setDone} />}
              {canWithdraw && <WithdrawForm key={`w${d.version}`} dossier={d} onDone={setDone} />}
            </Stack>
          )}
          {(d.status === 'result_ready' || d.status === 'returned') && <RatingSection dossier={d} />}
          <Stack gap="sm" component="section" aria-labelledby="documents-heading">
            <Title order={2} size="h3" id="documents-heading">
              {t('citizen.dossier.documents')}
            </Title>
            <Documents dossier={d} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="timeline-heading">
            <Title order={2} size="h3" id="timeline-heading">
              {t('citizen.dossier.timeline')}
            </Title>
            <Timeline dossier={d} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
