// Edits the steps of one procedure's workflow and saves them as a new version with the version read (a stale
// version gives a reload message). The API validates; each of its issues (`body.steps.2.budget.value`) is shown on
// the step it names, the others (e.g. the total over the legal duration) above the steps.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import type { Agency } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { adminApi, issuesOf, type Workflow } from './api.ts';
import { StepFields, type StepErrors } from './StepFields.tsx';
import { ApiError } from '../../api.ts';

interface Props {
  procedureId: string;
  workflow: Workflow;
  agencies: Agency[];
  actor: string;
  onSaved: (version: number) => void;
  onReload: () => void;
}

const FIELD_OF: Record<string, keyof StepErrors['fields']> = { name: 'name', role: 'role', agency: 'agency', budget: 'budget', nationalStatus: 'nationalStatus' };

/** Splits the API's issues into per-step errors and the rest. */
function splitIssues(error: unknown, language: 'vi' | 'en') {
  const byStep = new Map<number, StepErrors>();
  const general: string[] = [];
  for (const issue of issuesOf(error)) {
    const message = language === 'en' ? issue.messageEn : issue.message;
    const match = /^body\.steps\.(\d+)(?:\.([A-Za-z]+))?/.exec(issue.path);
    if (!match) {
      general.push(message);
      continue;
    }
    const index = Number(match[1]);
    const entry = byStep.get(index) ?? { fields: {}, other: [] };
    const field = match[2] ? FIELD_OF[match[2]] : undefined;
    if (field) entry.fields[field] ??= message;
    else entry.other.push(message);
    byStep.set(index, entry);
  }
  return { byStep, general };
}

export function WorkflowEditor({ procedureId, workflow, agencies, actor, onSaved, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const [steps, setSteps] = useState<WorkflowStep[]>(workflow.steps);
  const [announcement, setAnnouncement] = useState('');
  const save = useMutation({
    mutationFn: () => adminApi.saveWorkflow(procedureId, { provinceCode: '01', steps, expectedVersion: workflow.version, actor }),
    onSuccess: (saved) => onSaved(saved.version),
  });
  const { byStep, general } = splitIssues(save.error, currentLanguage(i18n.language));
  const isStale = save.error instanceof ApiError && save.error.status === 409;
  const isInvalid = save.error instanceof ApiError && save.error.status === 400;

  const edit = (next: WorkflowStep[], message = '') => {
    // Errors name steps by position: once the steps move, they would point at the wrong ones.
    if (next.length !== steps.length || next.some((s, i) => s.key !== steps[i]?.key)) save.reset();
    setSteps(next);
    setAnnouncement(message);
  };
  const move = (index: number, delta: -1 | 1) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    next.splice(index + delta, 0, step as WorkflowStep);
    edit(next, t('admin.workflow.moved', { number: index + delta + 1 }));
  };
  const add = () =>
    edit([
      ...steps,
      { key: `step-${crypto.randomUUID().slice(0, 8)}`, name: t('admin.workflow.newStep'), role: 'handler', agency: { kind: 'competent' }, budget: { value: 0, unit: 'working_hours' }, nationalStatus: 4 },
    ]);

  return (
    <Stack gap="md">
      {isStale && (
        <Alert color="orange" variant="light" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('admin.workflow.stale')}</Text>
            <Button size="xs" onClick={onReload}>
              {t('admin.workflow.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {isInvalid && (
        <Alert color="red" variant="light" role="alert" title={t('admin.workflow.invalid')}>
          {general.length > 0 && <Text size="sm">{general.join(' ')}</Text>}
        </Alert>
      )}
      {save.isError && !isStale && !isInvalid && <ErrorMessage error={save.error} />}
      <Stack gap="sm" component="ol" className="plain-list">
        {steps.map((step, index) => (
          <StepFields
            key={step.key}
            step={step}
            index={index}
            count={steps.length}
            agencies={agencies}
            errors={byStep.get(index)}
            onChange={(changed) => edit(steps.map((s, i) => (i === index ? changed : s)))}
            onMove={(delta) => move(index, delta)}
            onRemove={() => edit(steps.filter((_, i) => i !== index))}
          />
        ))}
      </Stack>
      <Text size="sm" role="status">
        {announcement}
      </Text>
      <Group>
        <Button variant="default" onClick={add}>
          {t('admin.workflow.add')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('admin.workflow.save')}
        </Button>
      </Group>
    </Stack>
  );
}
