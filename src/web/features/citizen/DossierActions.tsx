// What the citizen may do on their dossier now, as the API allows it (allowedActions): answer a supplement request
// by uploading the missing documents, withdraw the dossier with a reason, and rate the service once the result is
// ready (five labelled choices in a radio group, and a comment).
import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_LABELS } from '../../../shared/dossiers/actions.ts';
import { api } from '../../api.ts';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { citizenApi, type CitizenDossier, type UploadedFile } from './api.ts';
import { UploadField } from './UploadField.tsx';

const SCORES = [5, 4, 3, 2, 1] as const;

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['citizen-dossier', id] }), queryClient.invalidateQueries({ queryKey: ['my-dossiers'] })]);
}

export function SupplementForm({ dossier, onDone }: { dossier: CitizenDossier; onDone: (action: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const errorText = useErrorText();
  const refresh = useRefresh(dossier.id);
  const [requestId] = useState(() => crypto.randomUUID());
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const request = [...dossier.timeline].reverse().find((entry) => entry.type === 'request_supplement');
  const asked = Array.isArray(request?.payload?.missing) ? (request.payload.missing as string[]) : [];
  const closeAt = typeof request?.payload?.closeAt === 'string' ? request.payload.closeAt : null;
  const send = useMutation({
    mutationFn: () =>
      api.actOnDossier(dossier.id, {
        type: 'submit_supplement',
        requestId,
        version: dossier.version,
        ...(note.trim() ? { note: note.trim() } : {}),
        components: [{ name: (asked.join('; ') || t('citizen.supplement.files')).slice(0, 1000), provided: true, fileIds: files.map((f) => f.id) }],
      }),
    onSuccess: async () => {
      await refresh();
      onDone(pick(ACTION_LABELS.submit_supplement, language));
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="supplement-heading">
      <Title order={3} size="h4" id="supplement-heading">
        {t('citizen.supplement.heading')}
      </Title>
      {asked.length > 0 && (
        <Text lang="vi" data-testid="supplement-asked">
          {t('citizen.supplement.asked', { items: asked.join('; ') })}
        </Text>
      )}
      {typeof request?.payload?.note === 'string' && <Text size="sm">{t('citizen.events.note', { note: request.payload.note })}</Text>}
      {closeAt && <Text size="sm">{t('citizen.supplement.closeAt', { time: formatDateTime(closeAt, language, t) })}</Text>}
      <UploadField label={t('citizen.supplement.files')} files={files} onChange={setFiles} onBusyChange={setBusy} />
      <Textarea label={t('citizen.supplement.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
      {missingFile && files.length === 0 && (
        <Alert color="red" variant="light" role="alert">
          {t('citizen.supplement.needFile')}
        </Alert>
      )}
      {send.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorText(send.error)}
        </Alert>
      )}
      <Group>
        <Button
          loading={send.isPending}
          disabled={busy}
          onClick={() => {
            setMissingFile(files.length === 0);
            if (files.length > 0) send.mutate();
          }}
        >
          {pick(ACTION_LABELS.submit_supplement, language)}
        </Button>
      </Group>
    </Stack>
  );
}

export function WithdrawForm({ dossier, onDone }: { dossier: CitizenDossier; onDone: (action: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const errorText = useErrorText();
  const refresh = useRefresh(dossier.id);
  const [requestId] = useState(() => crypto.randomUUID());
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const label = pick(ACTION_LABELS.withdraw, language);
  const send = useMutation({
    mutationFn: () => api.actOnDossier(dossier.id, { type: 'withdraw', requestId, version: dossier.version, reason: reason.trim() }),
    onSuccess: async () => {
      await refresh();
      onDone(label);
    },
  });
  if (!open) {
    return (
      <Group>
        <Button variant="outline" color="red" onClick={() => setOpen(true)}>
          {label}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm">
      <Textarea label={t('citizen.withdraw.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} maxLength={2000} autosize minRows={2} />
      {send.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorText(send.error)}
        </Alert>
      )}
      <Group>
        <Button
          color="red"
          loading={send.isPending}
          onClick={() => {
            setError(reason.trim() ? undefined : t('citizen.withdraw.reasonRequired'));
            if (reason.trim()) send.mutate();
          }}
        >
          {t('citizen.withdraw.confirm')}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('citizen.withdraw.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function RatingSection({ dossier }: { dossier: CitizenDossier }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefresh(dossier.id);
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rate = useMutation({
    mutationFn: () => citizenApi.rate(dossier.id, { score: Number(score), ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: () => refresh(),
  });
  const rating = dossier.rating;
  return (
    <Stack gap="sm" component="section" aria-labelledby="rating-heading">
      <Title order={2} size="h3" id="rating-heading">
        {t('citizen.rating.heading')}
      </Title>
      {rating ? (
        <Stack gap={4} role="status" data-testid="my-rating">
          <Text>{t('citizen.rating.yours', { label: t(`citizen.rating.score${rating.score}` as 'citizen.rating.score5') })}</Text>
          {rating.comment && <Text size="sm">{t('citizen.rating.yourComment', { comment: rating.comment })}</Text>}
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setError(score ? undefined : t('citizen.rating.chooseScore'));
            if (score) rate.mutate();
          }}
        >
          <Stack gap="sm">
            <Radio.Group
              label={t('citizen.rating.legend')}
              value={score}
              onChange={(value) => {
                setScore(value);
                setError(undefined);
              }}
              error={error}
              withAsterisk
            >
              <Stack gap={6} mt="xs">
                {SCORES.map((value) => (
                  <Radio
                    key={value}
                    value={String(value)}
                    label={
                      <>
                        <span aria-hidden="true" style={{ color: 'var(--mantine-color-yellow-9)' }}>
                          {'★'.repeat(value) + '☆'.repeat(5 - value)}
                        </span>{' '}
                        {t(`citizen.rating.score${value}`)}
                      </>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label={t('citizen.rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
            {rate.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorText(rate.error)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={rate.isPending}>
                {t('citizen.rating.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
