// Catalogue import: upload a JSONL file in the national export's format; malformed lines are listed by number
// before anything is imported; then the job's progress bar (polled) and, at the end, what was added, updated
// and rejected, with the reasons.
import { Button, FileInput, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { adminApi, type Job } from './api.ts';

interface BadLine {
  line: number;
  reason: string;
  reasonEn: string;
}

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.catalogue.title'));
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({ mutationFn: async (chosen: File) => adminApi.importCatalogue(chosen.name, await chosen.text()) });
  const jobId = upload.data?.id;
  const job = useQuery({
    queryKey: ['admin', 'job', jobId],
    queryFn: () => adminApi.job(jobId as string),
    enabled: Boolean(jobId),
    refetchInterval: (query) => (query.state.data && ['succeeded', 'failed'].includes(query.state.data.status) ? false : 400),
  });
  const badLines = upload.error instanceof ApiError ? ((upload.error.details as { lines?: BadLine[] } | undefined)?.lines ?? []) : [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissingFile(!file);
    if (file) upload.mutate(file);
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.catalogue.title')}</Title>
      <Text>{t('admin.catalogue.lead')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" align="flex-start">
          <FileInput
            label={t('admin.catalogue.file')}
            accept=".jsonl,.ndjson,application/x-ndjson,application/json"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              upload.reset();
            }}
            error={missingFile ? t('admin.catalogue.fileRequired') : undefined}
            style={{ width: '100%', maxWidth: 480 }}
          />
          <Button type="submit" loading={upload.isPending || (Boolean(jobId) && !isFinished(job.data))}>
            {t('admin.catalogue.start')}
          </Button>
        </Stack>
      </form>
      {upload.isError && <ErrorMessage error={upload.error} />}
      {badLines.length > 0 && <BadLines lines={badLines} />}
      {job.isError && <ErrorMessage error={job.error} onRetry={() => void job.refetch()} />}
      {(job.data ?? upload.data) && <JobProgress job={(job.data ?? upload.data) as Job} />}
    </Stack>
  );
}

const isFinished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

function BadLines({ lines }: { lines: BadLine[] }) {
  const { t, i18n } = useTranslation();
  const english = currentLanguage(i18n.language) === 'en';
  return (
    <Stack gap="xs" component="section" aria-labelledby="bad-lines">
      <Title order={2} size="h4" id="bad-lines">
        {t('admin.catalogue.badLines')}
      </Title>
      <List size="sm" data-testid="bad-lines">
        {lines.map((line) => (
          <List.Item key={line.line}>{t('admin.catalogue.line', { line: line.line, reason: english ? line.reasonEn : line.reason })}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function JobProgress({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const total = job.total ?? 0;
  const percent = total > 0 ? Math.round((job.done / total) * 100) : 0;
  const summary = job.summary;
  return (
    <Stack gap="sm" component="section" aria-labelledby="import-progress">
      <Title order={2} size="h4" id="import-progress">
        {t('admin.catalogue.progress')}
      </Title>
      <Progress value={percent} size="lg" aria-label={t('admin.catalogue.progress')} animated={job.status === 'running'} color={job.status === 'failed' ? 'red' : undefined} />
      <Text data-testid="import-percent">{t('admin.catalogue.progressText', { percent, done: formatNumber(job.done, language), total: formatNumber(total, language) })}</Text>
      <Text role="status" fw={600}>
        {t(`admin.catalogue.status.${job.status}`, { error: job.error ?? '' })}
      </Text>
      {summary && (
        <Stack gap="sm" data-testid="import-summary">
          <Title order={3} size="h5">
            {t('admin.catalogue.summary')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" spacing="xs" style={{ margin: 0 }}>
            {(['added', 'updated', 'unchanged', 'rejected', 'warnings'] as const).map((key) => (
              <div key={key}>
                <Text component="dt" size="sm">
                  {t(`admin.catalogue.${key}`)}
                </Text>
                <Text component="dd" fw={700} size="lg" style={{ margin: 0 }} data-testid={`summary-${key}`}>
                  {formatNumber(summary[key], language)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          {summary.rejections.length > 0 && (
            <Stack gap="xs">
              <Title order={4} size="h6">
                {t('admin.catalogue.rejections')}
              </Title>
              <List size="sm">
                {summary.rejections.map((r) => (
                  <List.Item key={r.line}>{t('admin.catalogue.line', { line: r.line, reason: r.reason })}</List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
