// The agency page's two forms: create an officer account with a first role here, and grant a role here to an
// officer who already has an account. Field errors come from the API (issues[].path) and sit under their field.
import { Button, Card, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { adminApi, fieldErrors } from './api.ts';

interface Props {
  agencyId: string;
  grantable: readonly OfficerRole[];
}

export function CreateOfficerForm({ agencyId, grantable }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'desk' as OfficerRole });
  const [message, setMessage] = useState('');
  const create = useMutation({
    mutationFn: () => adminApi.createOfficer({ ...form, agencyId }),
    onSuccess: (officer) => {
      setMessage(t('admin.agency.created', { username: officer.username, name: officer.displayName }));
      setForm({ username: '', displayName: '', password: '', role: form.role });
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
    onError: () => setMessage(''),
  });
  const errors = fieldErrors(create.error, currentLanguage(i18n.language));
  const hasFieldErrors = Object.keys(errors).length > 0;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const set = (key: keyof typeof form) => (event: { currentTarget: { value: string } }) => setForm({ ...form, [key]: event.currentTarget.value });

  return (
    <Card withBorder component="section" aria-labelledby="create-officer">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="create-officer">
            {t('admin.agency.create')}
          </Title>
          <Text size="sm">{t('admin.agency.createLead')}</Text>
          <TextInput label={t('admin.agency.usernameLabel')} description={t('admin.agency.usernameHint')} value={form.username} onChange={set('username')} error={errors.username} required autoComplete="off" />
          <TextInput label={t('admin.agency.displayName')} value={form.displayName} onChange={set('displayName')} error={errors.displayName} required autoComplete="off" />
          <PasswordInput label={t('admin.agency.password')} description={t('admin.agency.passwordHint')} value={form.password} onChange={set('password')} error={errors.password} required autoComplete="new-password" />
          <Select
            label={t('admin.agency.role')}
            data={grantable.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            value={form.role}
            onChange={(value) => value && setForm({ ...form, role: value as OfficerRole })}
            error={errors.role}
            allowDeselect={false}
          />
          {create.isError && !hasFieldErrors && <ErrorMessage error={create.error} />}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('admin.agency.createButton')}
          </Button>
          <Text size="sm" role="status">
            {message}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}

export function GrantExistingForm({ agencyId, grantable }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<OfficerRole>('desk');
  const [message, setMessage] = useState('');
  const grant = useMutation({
    mutationFn: () => adminApi.grantRole(agencyId, { username, role }),
    onSuccess: (result) => {
      const values = { role: t(`admin.roles.${role}`), name: result.officer.displayName };
      setMessage(t(result.changed ? 'admin.agency.granted' : 'admin.agency.alreadyHeld', values));
      setUsername('');
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
    onError: () => setMessage(''),
  });
  const errors = fieldErrors(grant.error, currentLanguage(i18n.language));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate();
  };
  return (
    <Card withBorder component="section" aria-labelledby="grant-existing">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="grant-existing">
            {t('admin.agency.grantExisting')}
          </Title>
          <Text size="sm">{t('admin.agency.grantExistingLead')}</Text>
          <TextInput label={t('admin.agency.usernameLabel')} value={username} onChange={(event) => setUsername(event.currentTarget.value)} error={errors.username} required autoComplete="off" />
          <Select
            label={t('admin.agency.role')}
            data={grantable.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as OfficerRole)}
            allowDeselect={false}
          />
          {grant.isError && Object.keys(errors).length === 0 && <ErrorMessage error={grant.error} />}
          <Button type="submit" variant="light" loading={grant.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('admin.agency.grant')}
          </Button>
          <Text size="sm" role="status">
            {message}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
