// The confirmation dialog of one action: the fields docs/WORKFLOW.md gives that action, sent with a fresh
// requestId (a retry cannot act twice) and the version the officer saw (someone else's change → 409, reload).
// Server errors are shown in the dialog with the path of the field they concern.
import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_LABELS, type ActionType } from '../../../shared/dossiers/actions.ts';
import { ApiError, api, type DossierDetail, type DossierSummary } from '../../api.ts';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { currentLanguage, pick } from '../../i18n/i18n.ts';
import { AssigneeSelect } from './AssigneeSelect.tsx';

type FieldName =
  | 'note'
  | 'assigneeId'
  | 'missing'
  | 'reasons'
  | 'reason'
  | 'resultNumber'
  | 'method'
  | 'waybillNumber'
  | 'newDueAt'
  | 'agencyId'
  | 'agencyIds'
  | 'question'
  | 'dueInWorkingDays'
  | 'mode'
  | 'tasks'
  | 'leadAgencyId'
  | 'taskId'
  | 'answer'
  | 'amountVnd'
  | 'description'
  | 'receiptNumber'
  | 'paymentMethod';

interface FieldSpec {
  name: FieldName;
  kind: 'text' | 'textarea' | 'lines' | 'number' | 'select' | 'datetime' | 'assignee';
  required?: boolean;
  /** Shown (and sent) only when this holds. */
  when?: (values: Values) => boolean;
}
type Values = Partial<Record<FieldName, string>>;

const note: FieldSpec = { name: 'note', kind: 'textarea' };

/** The fields of each action, as docs/WORKFLOW.md lists them. */
const ACTION_FIELDS: Record<ActionType, FieldSpec[]> = {
  receive: [],
  refuse_intake: [{ name: 'reasons', kind: 'lines', required: true }],
  assign: [{ name: 'assigneeId', kind: 'assignee', required: true }],
  forward: [note],
  return_previous: [note],
  recall: [note],
  approve: [note],
  consult: [
    { name: 'agencyIds', kind: 'lines', required: true },
    { name: 'question', kind: 'textarea', required: true },
    { name: 'dueInWorkingDays', kind: 'number', required: true },
  ],
  request_inter_agency: [
    { name: 'mode', kind: 'select', required: true },
    { name: 'tasks', kind: 'lines', required: true },
    { name: 'leadAgencyId', kind: 'text', when: (v) => v.mode === 'parallel' },
  ],
  answer_consultation: [
    { name: 'taskId', kind: 'select', required: true },
    { name: 'answer', kind: 'textarea', required: true },
  ],
  transfer_level: [
    { name: 'agencyId', kind: 'text', required: true },
    { name: 'reason', kind: 'textarea', required: true },
  ],
  request_supplement: [{ name: 'missing', kind: 'lines', required: true }, note],
  submit_supplement: [note],
  close_unsupplemented: [],
  request_payment: [
    { name: 'amountVnd', kind: 'number', required: true },
    { name: 'description', kind: 'textarea', required: true },
  ],
  record_payment: [
    { name: 'receiptNumber', kind: 'text' },
    { name: 'paymentMethod', kind: 'text' },
  ],
  withdraw: [{ name: 'reason', kind: 'textarea', required: true }],
  refuse: [{ name: 'reasons', kind: 'lines', required: true }],
  stop: [{ name: 'reasons', kind: 'lines', required: true }],
  extend: [
    { name: 'newDueAt', kind: 'datetime', required: true },
    { name: 'reason', kind: 'textarea', required: true },
  ],
  issue_result: [{ name: 'resultNumber', kind: 'text', required: true }],
  return_result: [
    { name: 'method', kind: 'select', required: true },
    { name: 'waybillNumber', kind: 'text', required: true, when: (v) => v.method === 'post' },
  ],
  correct_result: [{ name: 'reason', kind: 'textarea', required: true }],
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The request body's fields from what was typed (empty optional fields are left out). */
function bodyOf(action: ActionType, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of ACTION_FIELDS[action]) {
    if (spec.when && !spec.when(values)) continue;
    const raw = values[spec.name]?.trim() ?? '';
    if (!raw) continue;
    if (spec.name === 'tasks') {
      body.tasks = lines(raw).map((line) => {
        const [agencyId = '', task = '', days = ''] = line.split('|').map((part) => part.trim());
        return { agencyId, task, dueInWorkingDays: Number(days) };
      });
    } else if (spec.name === 'paymentMethod') body.method = raw;
    else if (spec.kind === 'lines') body[spec.name] = lines(raw);
    else if (spec.kind === 'number') body[spec.name] = Number(raw);
    // <input type="datetime-local"> gives a wall-clock time: it is Vietnam time (UTC+7).
    else if (spec.kind === 'datetime') body[spec.name] = `${raw}:00+07:00`;
    else body[spec.name] = raw;
  }
  return body;
}

interface Props {
  dossier: DossierDetail;
  action: ActionType;
  onClose: () => void;
  onDone: (dossier: DossierSummary) => void;
  onReload: () => void;
}

export function ActionDialog({ dossier, action, onClose, onDone, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const errorText = useErrorText();
  const [values, setValues] = useState<Values>(() => (action === 'return_result' ? { method: 'in_person' } : action === 'request_inter_agency' ? { mode: 'sequential' } : {}));
  const [missing, setMissing] = useState<FieldName[]>([]);
  // One requestId per dialog: pressing Confirm again after a lost answer replays instead of acting twice.
  const [requestId] = useState(() => crypto.randomUUID());
  const label = pick(ACTION_LABELS[action], language);
  const fields = ACTION_FIELDS[action].filter((spec) => !spec.when || spec.when(values));

  const mutation = useMutation({
    mutationFn: () =>
      api.actOnDossier(dossier.id, {
        type: action,
        requestId,
        version: dossier.version,
        ...bodyOf(action, values),
      }),
    onSuccess: onDone,
  });
  const error = mutation.error;
  const stale = error instanceof ApiError && error.status === 409 && (error.details as { rule?: string } | undefined)?.rule === 'stale_version';
  const issues = error instanceof ApiError ? ((error.details as { issues?: { path: string; message: string; messageEn?: string }[] } | undefined)?.issues ?? []) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = fields.filter((spec) => spec.required && !values[spec.name]?.trim()).map((spec) => spec.name);
    setMissing(empty);
    if (empty.length === 0) mutation.mutate();
  };
  // A field's "required" message goes once it is filled in; the whole form is checked again on confirm.
  const set = (name: FieldName, value: string) => {
    setValues((old) => ({ ...old, [name]: value }));
    if (value.trim()) setMissing((old) => (old.includes(name) ? old.filter((n) => n !== name) : old));
  };

  const input = (spec: FieldSpec) => {
    const common = {
      label: t(`workspace.field.${spec.name}`),
      withAsterisk: spec.required ?? false,
      error: missing.includes(spec.name) ? t('workspace.dialog.required') : undefined,
      value: values[spec.name] ?? '',
    };
    const description = spec.name === 'tasks' ? t('workspace.field.tasksHint') : spec.kind === 'lines' ? t('workspace.field.linesHint') : undefined;
    switch (spec.kind) {
      case 'textarea':
      case 'lines':
        return <Textarea {...common} description={description} autosize minRows={2} onChange={(e) => set(spec.name, e.currentTarget.value)} />;
      case 'number':
        return <NumberInput {...common} min={0} onChange={(value) => set(spec.name, String(value))} />;
      case 'assignee':
        return <AssigneeSelect dossierId={dossier.id} label={common.label} error={common.error} value={common.value} onChange={(value) => set(spec.name, value)} />;
      case 'datetime':
        return <TextInput {...common} type="datetime-local" onChange={(e) => set(spec.name, e.currentTarget.value)} />;
      case 'select': {
        const data =
          spec.name === 'method'
            ? (['in_person', 'post', 'electronic'] as const).map((value) => ({
                value,
                label: t(`workspace.returnMethod.${value}`),
              }))
            : spec.name === 'mode'
              ? (['sequential', 'parallel'] as const).map((value) => ({
                  value,
                  label: t(`workspace.interAgencyMode.${value}`),
                }))
              : dossier.tasks.filter((task) => task.status === 'open').map((task) => ({ value: task.id, label: task.request ?? task.id }));
        return <Select {...common} data={data} allowDeselect={false} onChange={(value) => set(spec.name, value ?? '')} />;
      }
      default:
        return <TextInput {...common} description={description} onChange={(e) => set(spec.name, e.currentTarget.value)} />;
    }
  };

  return (
    <Modal opened onClose={onClose} title={label} centered closeButtonProps={{ 'aria-label': t('workspace.dialog.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text>{t('workspace.dialog.question', { code: dossier.code ?? t('workspace.noCode'), action: label })}</Text>
          {fields.map((spec) => (
            <Fragment key={spec.name}>{input(spec)}</Fragment>
          ))}
          {error && (
            <Alert color="red" variant="light" role="alert" data-testid="action-error">
              <Stack gap="xs">
                <Text size="sm" c="dark.9">
                  {stale ? t('workspace.dialog.stale') : errorText(error)}
                </Text>
                {issues.length > 0 && (
                  <List size="sm">
                    {issues.map((issue) => (
                      <List.Item key={issue.path}>
                        {t('workspace.dialog.fieldError', {
                          path: issue.path,
                          message: language === 'en' && issue.messageEn ? issue.messageEn : issue.message,
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
                {stale && (
                  <Button size="xs" variant="white" color="red" onClick={onReload} style={{ alignSelf: 'flex-start' }}>
                    {t('workspace.dialog.reload')}
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('workspace.dialog.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={stale}>
              {t('workspace.dialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
