// Internal workflows: find a procedure (code or name, diacritics optional), then edit its workflow.
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../account/useSession.ts';
import { adminPaths } from './adminPaths.ts';
import { adminApi } from './api.ts';
import { WorkflowEditor } from './WorkflowEditor.tsx';

export function WorkflowPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.workflow.title'));
  const [params] = useSearchParams();
  const procedureId = params.get('thu-tuc');
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.workflow.title')}</Title>
      {procedureId ? <ProcedureWorkflow procedureId={procedureId} /> : <ProcedurePicker />}
    </Stack>
  );
}

function ProcedurePicker() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = useQuery({ queryKey: ['admin', 'procedures', q], queryFn: () => api.searchProcedures({ q, pageSize: 10 }), enabled: q !== '' });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <Stack gap="sm">
      <Text>{t('admin.workflow.lead')}</Text>
      <form onSubmit={onSearch} role="search">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput label={t('admin.workflow.search')} description={t('admin.workflow.searchHint')} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: 1, minWidth: 0 }} />
          <Button type="submit">{t('admin.workflow.searchButton')}</Button>
        </Group>
      </form>
      {results.isFetching && <Loading />}
      {results.isError && <ErrorMessage error={results.error} />}
      {results.data && results.data.items.length === 0 && <Text role="status">{t('admin.workflow.noResult')}</Text>}
      {results.data && results.data.items.length > 0 && (
        <Stack gap="xs" component="ul" className="plain-list">
          {results.data.items.map((procedure) => (
            <Card key={procedure.id} withBorder padding="sm" component="li">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ minWidth: 0 }}>
                  {procedure.code && (
                    <Text span fw={700} mr="xs">
                      {procedure.code}
                    </Text>
                  )}
                  {procedure.name}
                </Text>
                <Button component={Link} to={adminPaths.workflow(procedure.id)} size="xs" variant="light" aria-label={t('admin.workflow.chooseLabel', { name: procedure.name })}>
                  {t('admin.workflow.choose')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ProcedureWorkflow({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const procedure = useQuery({ queryKey: ['procedure', procedureId], queryFn: () => api.procedure(procedureId) });
  const workflow = useQuery({ queryKey: ['admin', 'workflow', procedureId], queryFn: () => adminApi.workflow(procedureId) });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: api.agencies, staleTime: 10 * 60_000 });
  const reload = () => {
    setSavedVersion(null);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'workflow', procedureId] });
  };

  if (workflow.isPending || procedure.isPending || agencies.isPending) return <Loading />;
  const error = workflow.error ?? procedure.error ?? agencies.error;
  if (error || !workflow.data || !procedure.data || !agencies.data) return <ErrorMessage error={error} onRetry={reload} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPaths.workflow()} size="sm">
        {t('admin.workflow.other')}
      </Anchor>
      <Title order={2}>{procedure.data.code ? `${procedure.data.code} · ${procedure.data.name}` : procedure.data.name}</Title>
      <Text size="sm">{workflow.data.isDefault ? t('admin.workflow.isDefault') : t('admin.workflow.version', { version: workflow.data.version })}</Text>
      {savedVersion !== null && (
        <Alert color="green" variant="light" role="status">
          {t('admin.workflow.saved', { version: savedVersion })}
        </Alert>
      )}
      <WorkflowEditor
        key={workflow.dataUpdatedAt}
        procedureId={procedureId}
        workflow={workflow.data}
        agencies={agencies.data.items}
        actor={session.data?.username ?? ''}
        onSaved={(version) => {
          setSavedVersion(version);
          void queryClient.invalidateQueries({ queryKey: ['admin', 'workflow', procedureId] });
        }}
        onReload={reload}
      />
    </Stack>
  );
}
