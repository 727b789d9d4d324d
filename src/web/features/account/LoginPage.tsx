// Sign in with username and password (POST /api/auth/login sets the HttpOnly session cookie and returns the CSRF
// token the client keeps for its writes). Officers then go to their workspace, citizens to their dossiers, unless
// the link said where they were going.
import { Alert, Button, Stack, Text, TextInput, PasswordInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { useLogin, useSession } from './useSession.ts';

/** Only same-site paths may be a return address (no open redirect). */
function safeReturnPath(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(username.trim() ? {} : { username: t('login.usernameRequired') }),
      ...(password ? {} : { password: t('login.passwordRequired') }),
    };
    setErrors(found);
    if (found.username || found.password) return;
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (me) => {
          void navigate(safeReturnPath(params.get('tiep')) ?? (me.kind === 'officer' ? paths.workspace : paths.myDossiers), { replace: true });
        },
      },
    );
  };

  return (
    <Stack gap="lg" maw={440}>
      <Stack gap="xs">
        <Title order={1}>{t('login.title')}</Title>
        <Text>{t('login.lead')}</Text>
      </Stack>
      {session.data && <Alert variant="light">{t('login.signedIn', { name: session.data.displayName })}</Alert>}
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            withAsterisk
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={errors.username}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            withAsterisk
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
          />
          {login.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorText(login.error)}
            </Alert>
          )}
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
