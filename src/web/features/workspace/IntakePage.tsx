// The desk's intake form for a walk-in or postal dossier: the desk's agency, the channel, the procedure (searched
// without diacritics), the applicant and the component checklist with optional scans. Filing it at the desk
// receives it at once (code and appointment); then the receipt, Form 01, can be printed.
import { Alert, Anchor, Button, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type DossierSummary, type ProcedureItem } from '../../api.ts';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useSession } from '../account/useSession.ts';
import { workspaceApi } from './api.ts';
import { IntakeChecklist, type ChecklistItem } from './IntakeChecklist.tsx';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import { workspacePaths } from './workspacePaths.ts';

type Field = 'procedure' | 'name' | 'idNumber' | 'phone' | 'waybill' | 'duration';
// Units a desk may enter when the catalogue lost the procedure's (the legal clock refuses to guess one).
const UNITS = ['working_days', 'working_hours', 'calendar_days', 'months'] as const;
const ID_NUMBER = /^[0-9A-Z]{6,20}$/;
const PHONE = /^[0-9+ ]{8,15}$/;

export function IntakePage() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.intake.title'));
  const session = useSession();
  const desks = (session.data?.roles ?? []).filter((r) => r.role === 'desk');
  const [filed, setFiled] = useState<DossierSummary | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={workspacePaths.inbox} size="sm">
        {t('workspace.back')}
      </Anchor>
      <Title order={1}>{t('workspace.intake.title')}</Title>
      <Text>{t('workspace.intake.lead')}</Text>
      {desks.length === 0 ? (
        <Alert variant="light">{t('workspace.intake.noDesk')}</Alert>
      ) : filed ? (
        <IntakeDone
          dossier={filed}
          onAnother={() => {
            setFiled(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <IntakeForm key={formKey} desks={desks.map((d) => ({ value: d.agencyId, label: d.agencyName }))} onFiled={setFiled} />
      )}
    </Stack>
  );
}

function IntakeForm({ desks, onFiled }: { desks: { value: string; label: string }[]; onFiled: (dossier: DossierSummary) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [agencyId, setAgencyId] = useState<string>(desks[0]?.value ?? '');
  const [channel, setChannel] = useState<'in_person' | 'post'>('in_person');
  const [waybill, setWaybill] = useState('');
  // The catalogue has no duration with a unit for this procedure (or the server said so): the desk enters the legal one.
  const [durationAsked, setDurationAsked] = useState(false);
  const [duration, setDuration] = useState<{ value: string; unit: (typeof UNITS)[number] }>({ value: '', unit: 'working_days' });
  const [procedure, setProcedure] = useState<ProcedureItem | null>(null);
  const [applicant, setApplicant] = useState({ name: '', idNumber: '', phone: '', address: '' });
  const [checklist, setChecklist] = useState<ChecklistItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  // One requestId per form: confirming again after a lost answer returns the same dossier.
  const [requestId] = useState(() => crypto.randomUUID());

  const detail = useQuery({
    queryKey: ['procedure', procedure?.id],
    queryFn: () => api.procedure(procedure?.id as string),
    enabled: procedure !== null,
  });
  const needsDuration = durationAsked || (detail.data !== undefined && !detail.data.channels.some((c) => c.duration?.unit));
  useEffect(() => {
    setChecklist(
      detail.data
        ? detail.data.components.map((c) => ({
            name: c.name,
            quantity: c.quantity,
            provided: false,
            files: [],
          }))
        : [],
    );
  }, [detail.data]);

  const mutation = useMutation({
    mutationFn: () =>
      workspaceApi.fileIntake({
        requestId,
        procedureId: (procedure as ProcedureItem).id,
        channel,
        receivingAgencyId: agencyId,
        applicant: Object.fromEntries(
          Object.entries(applicant)
            .map(([k, v]) => [k, v.trim()])
            .filter(([, v]) => v),
        ) as { name: string },
        components: checklist.map((c) => ({
          name: c.name,
          ...(c.quantity ? { quantity: c.quantity } : {}),
          provided: c.provided,
          ...(c.files.length ? { fileIds: c.files.map((f) => f.id) } : {}),
        })),
        ...(channel === 'post' ? { postal: { waybillNumber: waybill.trim() } } : {}),
        ...(needsDuration ? { duration: { value: Number(duration.value), unit: duration.unit } } : {}),
      }),
    onError: (error) => {
      const asked = error instanceof ApiError && ((error.details as { issues?: { path: string }[] } | undefined)?.issues ?? []).some((issue) => issue.path === 'body.duration');
      if (asked) setDurationAsked(true);
    },
    onSuccess: (dossier) => {
      void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      onFiled(dossier);
    },
  });
  const issues = mutation.error instanceof ApiError ? ((mutation.error.details as { issues?: { path: string; message: string; messageEn?: string }[] } | undefined)?.issues ?? []) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!procedure) next.procedure = t('workspace.intake.required');
    if (!applicant.name.trim()) next.name = t('workspace.intake.required');
    if (applicant.idNumber.trim() && !ID_NUMBER.test(applicant.idNumber.trim())) next.idNumber = t('workspace.intake.invalidId');
    if (applicant.phone.trim() && !PHONE.test(applicant.phone.trim())) next.phone = t('workspace.intake.invalidPhone');
    if (channel === 'post' && !waybill.trim()) next.waybill = t('workspace.intake.required');
    if (needsDuration && !(Number(duration.value) > 0)) next.duration = t('workspace.intake.required');
    setInvalid(next);
    if (Object.keys(next).length === 0) mutation.mutate();
  };
  // A field's error goes once it is edited; the whole form is checked again on submit.
  const clear = (field: Field) => setInvalid((old) => (old[field] ? { ...old, [field]: undefined } : old));
  const person = (field: keyof typeof applicant) => ({
    value: applicant[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setApplicant((old) => ({ ...old, [field]: value }));
      clear(field as Field);
    },
    error: invalid[field as Field],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {desks.length > 1 && <Select label={t('workspace.intake.agency')} data={desks} value={agencyId} onChange={(v) => v && setAgencyId(v)} allowDeselect={false} />}
        <Radio.Group label={t('workspace.intake.channel')} value={channel} onChange={(v) => setChannel(v === 'post' ? 'post' : 'in_person')}>
          <Group gap="md" mt={4}>
            <Radio value="in_person" label={t('workspace.intake.channelInPerson')} />
            <Radio value="post" label={t('workspace.intake.channelPost')} />
          </Group>
        </Radio.Group>
        {channel === 'post' && (
          <TextInput
            label={t('workspace.intake.postalWaybill')}
            withAsterisk
            value={waybill}
            onChange={(e) => {
              setWaybill(e.currentTarget.value);
              clear('waybill');
            }}
            error={invalid.waybill}
          />
        )}
        <ProcedurePicker
          agencyId={agencyId}
          value={procedure}
          onChange={(item) => {
            setProcedure(item);
            setDurationAsked(false);
            clear('procedure');
          }}
          error={invalid.procedure}
        />
        {needsDuration && (
          <Group gap="sm" align="flex-start" wrap="wrap" data-testid="intake-duration">
            <TextInput
              label={t('workspace.intake.duration')}
              description={t('workspace.intake.durationHint')}
              withAsterisk
              inputMode="decimal"
              value={duration.value}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDuration((old) => ({ ...old, value }));
                clear('duration');
              }}
              error={invalid.duration}
              style={{ flex: '1 1 12rem' }}
            />
            <Select
              label={t('workspace.intake.durationUnit')}
              data={UNITS.map((unit) => ({ value: unit, label: t(`duration.${unit}`) }))}
              value={duration.unit}
              onChange={(unit) => unit && setDuration((old) => ({ ...old, unit: unit as (typeof UNITS)[number] }))}
              allowDeselect={false}
              style={{ flex: '1 1 10rem' }}
            />
          </Group>
        )}

        <Stack gap="sm" component="section" aria-labelledby="intake-applicant">
          <Title order={2} id="intake-applicant" size="h3">
            {t('workspace.intake.applicant')}
          </Title>
          <TextInput label={t('workspace.intake.name')} withAsterisk autoComplete="off" {...person('name')} />
          <TextInput label={t('workspace.intake.idNumber')} description={t('workspace.intake.idNumberHint')} autoComplete="off" {...person('idNumber')} />
          <TextInput label={t('workspace.intake.phone')} type="tel" autoComplete="off" {...person('phone')} />
          <TextInput label={t('workspace.intake.address')} autoComplete="off" {...person('address')} />
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="intake-components">
          <Title order={2} id="intake-components" size="h3">
            {t('workspace.intake.components')}
          </Title>
          <Text size="sm">{procedure ? t('workspace.intake.componentsHint') : t('workspace.intake.chooseProcedure')}</Text>
          {procedure && detail.isSuccess && <IntakeChecklist items={checklist} onChange={setChecklist} onUploading={setUploading} />}
        </Stack>

        {mutation.error && (
          <Alert color="red" variant="light" role="alert" data-testid="intake-error">
            <Text size="sm" c="dark.9">
              {errorText(mutation.error)}
            </Text>
            {issues.map((issue) => (
              <Text key={issue.path} size="sm" c="dark.9">
                {t('workspace.dialog.fieldError', {
                  path: issue.path,
                  message: language === 'en' && issue.messageEn ? issue.messageEn : issue.message,
                })}
              </Text>
            ))}
          </Alert>
        )}
        <Button type="submit" loading={mutation.isPending} disabled={uploading} style={{ alignSelf: 'flex-start' }}>
          {t('workspace.intake.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function IntakeDone({ dossier, onAnother }: { dossier: DossierSummary; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen readers and keyboards land on the result, not at the top of an empty form.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert color="teal" variant="light" data-testid="intake-done">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={heading} tabIndex={-1} c="dark.9">
          {t('workspace.intake.done', { code: dossier.code ?? '' })}
        </Title>
        {dossier.dueAt && <Text c="dark.9">{t('workspace.intake.dueAt', { date: formatDateTime(dossier.dueAt, language, t) })}</Text>}
        <Group gap="sm">
          <Button component="a" href={api.dossierFormUrl(dossier.id, '01')} target="_blank" rel="noopener">
            {t('workspace.intake.print')}
          </Button>
          <Button component={Link} to={workspacePaths.dossier(dossier.id)} variant="default">
            {t('workspace.intake.open')}
          </Button>
          <Button variant="subtle" onClick={onAnother}>
            {t('workspace.intake.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
