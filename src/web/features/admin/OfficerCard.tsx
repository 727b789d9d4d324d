// One officer of an agency: name, username, account state, the roles held here with a revoke button each, a role
// to add, and disabling or enabling the account. Every change is announced in words (role="status").
import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { adminApi, type Officer } from './api.ts';

interface Props {
  agencyId: string;
  officer: Officer;
  grantable: readonly OfficerRole[];
}

export function OfficerCard({ agencyId, officer, grantable }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const name = officer.displayName;
  const roleName = (r: OfficerRole) => t(`admin.roles.${r}`);
  const done = (text: string) => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
  };
  const onError = (error: unknown) => setMessage(errorText(error));

  const grant = useMutation({
    mutationFn: (r: OfficerRole) => adminApi.grantRole(agencyId, { userId: officer.id, role: r }),
    onSuccess: (result, r) => {
      setRole(null);
      done(t(result.changed ? 'admin.agency.granted' : 'admin.agency.alreadyHeld', { role: roleName(r), name }));
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: (r: OfficerRole) => adminApi.revokeRole(agencyId, officer.id, r),
    onSuccess: (_result, r) => done(t('admin.agency.revoked', { role: roleName(r), name })),
    onError,
  });
  const account = useMutation({
    mutationFn: (disabled: boolean) => adminApi.setDisabled(agencyId, officer.id, disabled),
    onSuccess: (_result, disabled) => done(t(disabled ? 'admin.agency.disabledDone' : 'admin.agency.enabledDone', { name })),
    onError,
  });
  const titleId = `officer-${officer.id}`;
  const missing = grantable.filter((r) => !officer.roles.includes(r));

  return (
    <Card withBorder padding="sm" component="li" aria-labelledby={titleId} data-testid="officer-row">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {name}
          </Title>
          <Badge color={officer.disabled ? 'red.9' : 'teal.9'} variant="filled" tt="none">
            {officer.disabled ? t('admin.agency.disabled') : t('admin.agency.active')}
          </Badge>
        </Group>
        <Text size="sm">{t('admin.agency.username', { username: officer.username })}</Text>
        <Text size="sm" fw={600}>
          {t('admin.agency.rolesHere')}
        </Text>
        <Stack gap={4} component="ul" className="plain-list">
          {officer.roles.map((r) => (
            <Group key={r} component="li" gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm">{roleName(r)}</Text>
              {grantable.includes(r) && (
                <Button size="compact-sm" variant="default" aria-label={t('admin.agency.revokeLabel', { role: roleName(r), name })} loading={revoke.isPending && revoke.variables === r} onClick={() => revoke.mutate(r)}>
                  {t('admin.agency.revoke')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        {missing.length > 0 && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={t('admin.agency.addRole', { name })}
              data={missing.map((r) => ({ value: r, label: roleName(r) }))}
              value={role}
              onChange={setRole}
              style={{ flex: 1, minWidth: 180 }}
            />
            <Button variant="light" disabled={!role} loading={grant.isPending} onClick={() => role && grant.mutate(role as OfficerRole)}>
              {t('admin.agency.grant')}
            </Button>
          </Group>
        )}
        <Group>
          <Button
            size="xs"
            variant="default"
            aria-label={t(officer.disabled ? 'admin.agency.enableLabel' : 'admin.agency.disableLabel', { name })}
            loading={account.isPending}
            onClick={() => account.mutate(!officer.disabled)}
          >
            {officer.disabled ? t('admin.agency.enable') : t('admin.agency.disable')}
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {message}
        </Text>
      </Stack>
    </Card>
  );
}
