// Registering a citizen account (/dang-ky) with POST /api/auth/register, which creates the account without a
// session; the page then signs the new citizen in with the same credentials and goes on to where they were headed
// (?tiep=…) or to "Hồ sơ của tôi".
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { useLogin } from '../account/useSession.ts';
import { citizenApi } from './api.ts';

const PHONE = /^0\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const safeReturnPath = (value: string | null) => (value && value.startsWith('/') && !value.startsWith('//') ? value : null);

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.register.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const login = useLogin();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ displayName?: string; username?: string; password?: string }>({});
  const register = useMutation({
    mutationFn: async () => {
      const account = { username: username.trim().toLowerCase(), password, displayName: displayName.trim() };
      await citizenApi.register(account);
      return login.mutateAsync({ username: account.username, password });
    },
    onSuccess: () => void navigate(safeReturnPath(params.get('tiep')) ?? paths.myDossiers, { replace: true }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim().toLowerCase();
    const found = {
      ...(displayName.trim() ? {} : { displayName: t('citizen.register.nameRequired') }),
      ...(PHONE.test(name) || EMAIL.test(name) ? {} : { username: t('citizen.register.usernameInvalid') }),
      ...(password.length >= 8 ? {} : { password: t('citizen.register.passwordShort') }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) register.mutate();
  };

  const loginPath = params.get('tiep') ? `${paths.login}?tiep=${encodeURIComponent(params.get('tiep') ?? '')}` : paths.login;
  return (
    <Stack gap="lg" maw={440}>
      <Stack gap="xs">
        <Title order={1}>{t('citizen.register.title')}</Title>
        <Text>{t('citizen.register.lead')}</Text>
      </Stack>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('citizen.register.displayName')} autoComplete="name" withAsterisk value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} />
          <TextInput
            label={t('citizen.register.username')}
            description={t('citizen.register.usernameHint')}
            autoComplete="username"
            withAsterisk
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.username}
          />
          <PasswordInput
            label={t('citizen.register.password')}
            description={t('citizen.register.passwordHint')}
            autoComplete="new-password"
            withAsterisk
            visibilityToggleButtonProps={{ 'aria-label': t('citizen.register.showPassword') }}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          {register.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorText(register.error)}
            </Alert>
          )}
          <Button type="submit" loading={register.isPending}>
            {t('citizen.register.submit')}
          </Button>
          <Anchor component={Link} to={loginPath} size="sm">
            {t('citizen.register.haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </Stack>
  );
}
