// Filing online (/ca-nhan/nop/:procedureId): the e-form made from the procedure's documents, where to file, the
// applicant, each document with its uploads; "Lưu nháp" keeps it as a draft (resumed from ?nhap=<id>, or the latest
// draft of this procedure); filing sends the draft's requestId, so a double click or a retry cannot file twice, and
// deletes the draft once the dossier exists.
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, type DossierSummary, type Me, type ProcedureDetail } from '../../api.ts';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { paths } from '../../paths.ts';
import { useSession } from '../account/useSession.ts';
import { citizenApi, type Draft, type EFormData, type FilingBody } from './api.ts';
import { AgencySelect } from './AgencySelect.tsx';
import { UploadField, useUploadLimits } from './UploadField.tsx';

const ID_NUMBER = /^[0-9A-Z]{6,20}$/;
const PHONE = /^[0-9+ ]{8,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Errors = Partial<Record<'agency' | 'name' | 'idNumber' | 'phone' | 'email', string>>;

export const offersOnline = (procedure: ProcedureDetail) =>
  procedure.channels.some((c) => c.channel === 'online') || procedure.variants.some((v) => v.channels.some((c) => c.channel === 'online'));

function emptyForm(procedure: ProcedureDetail, me: Me | null | undefined, otherName: string): EFormData {
  const username = me?.username ?? '';
  return {
    requestId: crypto.randomUUID(),
    receivingAgencyId: procedure.agencies.length === 1 ? (procedure.agencies[0]?.id ?? null) : null,
    receivingAgencyName: procedure.agencies.length === 1 ? procedure.agencies[0]?.name : undefined,
    applicant: { name: me?.displayName ?? '', idNumber: '', phone: /^0\d{9}$/.test(username) ? username : '', email: username.includes('@') ? username : '', address: '' },
    components: [...procedure.components, { name: otherName, quantity: null }].map((c) => ({ name: c.name, quantity: c.quantity, files: [] })),
  };
}

export function FileOnlinePage() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.file.title'));
  const { procedureId = '' } = useParams();
  const [params] = useSearchParams();
  const draftParam = params.get('nhap');
  const procedure = useQuery({ queryKey: ['procedure', procedureId], queryFn: () => api.procedure(procedureId), retry: false });
  const drafts = useQuery({ queryKey: ['drafts'], queryFn: citizenApi.drafts });
  const limits = useUploadLimits();
  const error = procedure.error ?? drafts.error ?? limits.error;
  if (error) return <ErrorMessage error={error} />;
  if (!procedure.data || !drafts.data || !limits.data) return <Loading />;
  // Resume the draft named in the address, else the latest draft of this procedure.
  const draft = drafts.data.items.find((d) => (draftParam ? d.id === draftParam : d.procedureId === procedureId));
  return <EForm key={procedure.data.id} procedure={procedure.data} draft={draft} />;
}

function EForm({ procedure, draft }: { procedure: ProcedureDetail; draft: Draft | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [form, setForm] = useState<EFormData>(() => draft?.data ?? emptyForm(procedure, session.data, t('citizen.file.otherComponent')));
  const [saved, setSaved] = useState<Draft | undefined>(draft);
  // The draft this page opened with (saving later changes the address, not what was resumed).
  const [resumed] = useState(draft);
  const [savedNow, setSavedNow] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(0);
  const [filed, setFiled] = useState<DossierSummary | null>(null);

  const save = useMutation({
    mutationFn: () => (saved ? citizenApi.saveDraft(saved.id, saved.version, form) : citizenApi.createDraft(procedure.id, form)),
    onSuccess: (draftSaved) => {
      setSaved(draftSaved);
      setSavedNow(true);
      queryClient.setQueryData<{ items: Draft[] }>(['drafts'], (old) => ({ items: [draftSaved, ...(old?.items ?? []).filter((d) => d.id !== draftSaved.id)] }));
      void navigate(`${paths.fileOnline(procedure.id)}?nhap=${draftSaved.id}`, { replace: true });
    },
  });

  const file = useMutation({
    mutationFn: (body: FilingBody) => citizenApi.fileDossier(body),
    onSuccess: async (dossier) => {
      if (saved) await citizenApi.deleteDraft(saved.id).catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: ['drafts'] });
      await queryClient.invalidateQueries({ queryKey: ['my-dossiers'] });
      setFiled(dossier);
    },
  });

  const setApplicant = (field: keyof EFormData['applicant'], value: string) => {
    setForm((f) => ({ ...f, applicant: { ...f.applicant, [field]: value } }));
    setErrors(({ [field]: _fixed, ...rest }: Errors & Record<string, string | undefined>) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file.isPending) return;
    const a = form.applicant;
    const found: Errors = {
      ...(form.receivingAgencyId ? {} : { agency: t('citizen.file.agencyRequired') }),
      ...(a.name.trim() ? {} : { name: t('citizen.file.nameRequired') }),
      ...(a.idNumber.trim() && !ID_NUMBER.test(a.idNumber.trim()) ? { idNumber: t('citizen.file.idInvalid') } : {}),
      ...(a.phone.trim() && !PHONE.test(a.phone.trim()) ? { phone: t('citizen.file.phoneInvalid') } : {}),
      ...(a.email.trim() && !EMAIL.test(a.email.trim()) ? { email: t('citizen.file.emailInvalid') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || busy > 0) return;
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    file.mutate({
      requestId: form.requestId,
      procedureId: procedure.id,
      channel: 'online',
      receivingAgencyId: form.receivingAgencyId as string,
      applicant: Object.fromEntries(Object.entries({ name: a.name.trim(), idNumber: optional(a.idNumber), phone: optional(a.phone), email: optional(a.email), address: optional(a.address) }).filter(([, v]) => v !== undefined)) as FilingBody['applicant'],
      components: form.components
        .filter((c, index) => c.files.length > 0 || index < form.components.length - 1)
        .map((c) => ({ name: c.name, ...(c.quantity ? { quantity: c.quantity } : {}), provided: c.files.length > 0, fileIds: c.files.map((f) => f.id) })),
    });
  };

  if (filed) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('citizen.file.filedTitle')}</Title>
        <Alert color="teal" variant="light" role="status">
          <Text>{t('citizen.file.filedText', { status: pick(filed.statusLabel, language) })}</Text>
        </Alert>
        <Anchor component={Link} to={paths.myDossier(filed.id)}>
          {t('citizen.file.openDossier')}
        </Anchor>
      </Stack>
    );
  }

  const isOnline = offersOnline(procedure);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('citizen.file.title')}</Title>
        <Text>
          {t('citizen.file.procedure')}:{' '}
          <Anchor component={Link} to={paths.procedure(procedure.id)} lang="vi">
            {procedure.name}
          </Anchor>
        </Text>
      </Stack>
      {resumed && (
        <Alert variant="light" role="status">
          {t('citizen.file.resumed', { time: formatDateTime(resumed.updatedAt, language, t) })}
        </Alert>
      )}
      {!isOnline ? (
        <Alert color="yellow" variant="light">
          {t('citizen.file.notOnline')}
        </Alert>
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack gap="lg">
            <AgencySelect
              procedure={procedure}
              value={form.receivingAgencyId ? { id: form.receivingAgencyId, name: form.receivingAgencyName ?? '' } : null}
              onChange={(agency) => {
                setForm((f) => ({ ...f, receivingAgencyId: agency?.id ?? null, receivingAgencyName: agency?.name }));
                setErrors(({ agency: _fixed, ...rest }) => rest);
              }}
              error={errors.agency}
            />
            <Stack component="fieldset" gap="sm" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Title order={2} size="h3" component="legend">
                {t('citizen.file.applicant')}
              </Title>
              <TextInput label={t('citizen.file.name')} withAsterisk autoComplete="name" value={form.applicant.name} onChange={(e) => setApplicant('name', e.currentTarget.value)} error={errors.name} />
              <TextInput label={t('citizen.file.idNumber')} value={form.applicant.idNumber} onChange={(e) => setApplicant('idNumber', e.currentTarget.value.toUpperCase())} error={errors.idNumber} />
              <TextInput label={t('citizen.file.phone')} description={t('citizen.file.phoneHint')} type="tel" autoComplete="tel" value={form.applicant.phone} onChange={(e) => setApplicant('phone', e.currentTarget.value)} error={errors.phone} />
              <TextInput label={t('citizen.file.email')} type="email" autoComplete="email" value={form.applicant.email} onChange={(e) => setApplicant('email', e.currentTarget.value)} error={errors.email} />
              <TextInput label={t('citizen.file.address')} autoComplete="street-address" value={form.applicant.address} onChange={(e) => setApplicant('address', e.currentTarget.value)} />
            </Stack>
            <Stack gap="md">
              <Title order={2} size="h3">
                {t('citizen.file.components')}
              </Title>
              <Stack component="ol" gap="lg" pl="md" m={0}>
                {form.components.map((component, index) => (
                  <Stack component="li" key={index} gap={4} data-testid="eform-component">
                    <Text lang="vi" className="source-text">
                      {component.name}
                    </Text>
                    {component.quantity && (
                      <Text size="sm" c="dimmed">
                        {t('citizen.file.quantity', { quantity: component.quantity })}
                      </Text>
                    )}
                    <UploadField
                      label={component.name.length > 80 ? `${component.name.slice(0, 77)}…` : component.name}
                      files={component.files}
                      onBusyChange={(isBusy) => setBusy((n) => n + (isBusy ? 1 : -1))}
                      onChange={(files) => setForm((f) => ({ ...f, components: f.components.map((c, i) => (i === index ? { ...c, files } : c)) }))}
                    />
                  </Stack>
                ))}
              </Stack>
            </Stack>
            {Object.keys(errors).length > 0 && (
              <Alert color="red" variant="light" role="alert">
                {t('citizen.file.fixErrors')}
              </Alert>
            )}
            {busy > 0 && <Text size="sm">{t('citizen.file.waitUploads')}</Text>}
            {savedNow && saved && !save.isPending && (
              <Alert color="teal" variant="light" role="status">
                {t('citizen.file.draftSaved', { time: formatDateTime(saved.updatedAt, language, t) })}
              </Alert>
            )}
            {(save.isError || file.isError) && (
              <Alert color="red" variant="light" role="alert">
                {errorText(save.error ?? file.error)}
              </Alert>
            )}
            <Group gap="sm">
              <Button type="submit" loading={file.isPending} disabled={busy > 0}>
                {t('citizen.file.submit')}
              </Button>
              <Button variant="default" loading={save.isPending} disabled={busy > 0 || file.isPending} onClick={() => save.mutate()}>
                {t('citizen.file.saveDraft')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
