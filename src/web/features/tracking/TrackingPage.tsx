// Tracking a dossier by its code and the last 4 digits of the applicant's phone. The QR code printed on receipts
// opens /tra-cuu?ma=<code>, so the code arrives filled in and the phone field has the focus.
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api, type TrackedDossier } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { InfoList } from '../../components/InfoList.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';

// The words always say what the colour says (never colour alone). Badges take shade 9, on which white text passes
// WCAG AA; the light alert behind the sentence takes the base colour.
const TIMING_COLORS = { within_deadline: 'teal', early: 'teal', on_time: 'teal', overdue: 'red', late: 'red' } as const;

function TrackingResult({ dossier }: { dossier: TrackedDossier }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language, t) : t('tracking.notYet'));
  const timing = dossier.timing;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tracking-result">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="tracking-result" style={{ overflowWrap: 'anywhere' }}>
            {t('tracking.resultTitle', { code: dossier.code })}
          </Title>
          {timing && (
            <Badge size="lg" variant="filled" color={`${TIMING_COLORS[timing]}.9`} tt="none">
              {t(`tracking.badge.${timing}`)}
            </Badge>
          )}
        </Group>
        <Alert variant="light" color={timing ? TIMING_COLORS[timing] : 'blue'} data-testid="tracking-timing">
          <Text size="md" fw={500} c="dark.9">
            {timing ? t(`tracking.timing.${timing}`) : t('tracking.timing.notReceived')}
          </Text>
        </Alert>
        <InfoList
          rows={[
            { label: t('tracking.procedure'), value: dossier.procedure.name, lang: 'vi' },
            { label: t('tracking.agency'), value: dossier.receivingAgency, lang: 'vi' },
            { label: t('tracking.status'), value: pick(dossier.statusLabel, language) },
            { label: t('tracking.receivedAt'), value: when(dossier.receivedAt) },
            { label: t('tracking.dueAt'), value: when(dossier.dueAt) },
            ...(dossier.finishedAt ? [{ label: t('tracking.finishedAt'), value: when(dossier.finishedAt) }] : []),
          ]}
        />
      </Stack>
    </Card>
  );
}

export function TrackingPage() {
  const { t } = useTranslation();
  usePageTitle(t('tracking.title'));
  const [params, setParams] = useSearchParams();
  const codeFromLink = params.get('ma') ?? '';
  const [code, setCode] = useState(codeFromLink);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string }>({});
  const lookup = useMutation({ mutationFn: ({ code, phone }: { code: string; phone: string }) => api.trackDossier(code, phone) });
  const isNotFound = lookup.error instanceof ApiError && lookup.error.status === 404;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    const found = {
      ...(trimmed ? {} : { code: t('tracking.codeRequired') }),
      ...(/^\d{4}$/.test(phone) ? {} : { phone: t('tracking.phoneInvalid') }),
    };
    setErrors(found);
    if (found.code || found.phone) return;
    if (trimmed !== codeFromLink) setParams({ ma: trimmed }, { replace: true });
    lookup.mutate({ code: trimmed, phone });
  };

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap="xs">
        <Title order={1}>{t('tracking.title')}</Title>
        <Text>{t('tracking.lead')}</Text>
      </Stack>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('tracking.code')}
            placeholder={t('tracking.codePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            withAsterisk
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
          />
          <TextInput
            label={t('tracking.phone')}
            description={t('tracking.phoneHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            w={{ base: '100%', xs: 240 }}
            withAsterisk
            autoFocus={codeFromLink !== ''}
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value.replace(/\D/g, ''))}
            error={errors.phone}
          />
          <Group>
            <Button type="submit" loading={lookup.isPending}>
              {t('tracking.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {isNotFound && (
          <Alert color="red" variant="light" role="alert" data-testid="tracking-not-found">
            {t('tracking.notFound')}
          </Alert>
        )}
        {lookup.isError && !isNotFound && <ErrorMessage error={lookup.error} />}
        {lookup.data && !lookup.isPending && !lookup.isError && <TrackingResult dossier={lookup.data} />}
      </div>
    </Stack>
  );
}
