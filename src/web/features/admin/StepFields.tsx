// The fields of one workflow step (name, who, which agency, time budget, national status) with the API's errors
// for that step shown on the step itself, and the buttons to move or remove it (no drag and drop needed).
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import type { Agency } from '../../api.ts';

export const STEP_ROLES = ['desk', 'handler', 'leader', 'clerk'] as const satisfies readonly WorkflowStep['role'][];
const AGENCY_KINDS = ['receiving', 'competent', 'agency'] as const;
const UNITS = ['working_hours', 'working_days'] as const;

/** Errors of one step: by field (name, role, agency, budget, nationalStatus) and the rest. */
export interface StepErrors {
  fields: Partial<Record<'name' | 'role' | 'agency' | 'budget' | 'nationalStatus', string>>;
  other: string[];
}

interface Props {
  step: WorkflowStep;
  index: number;
  count: number;
  agencies: Agency[];
  errors: StepErrors | undefined;
  onChange: (step: WorkflowStep) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function StepFields({ step, index, count, agencies, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const number = index + 1;
  const headingId = `step-${index}-heading`;
  const fieldError = errors?.fields ?? {};
  const hasErrors = Boolean(errors && (errors.other.length > 0 || Object.keys(errors.fields).length > 0));
  const agencyKind = step.agency.kind;
  const agencyId = step.agency.kind === 'agency' ? step.agency.agencyId : null;

  return (
    <Card withBorder component="li" aria-labelledby={headingId} data-testid="workflow-step" style={hasErrors ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {t('admin.workflow.step', { number })}
            {': '}
            {step.name}
          </Title>
          <Group gap={4}>
            <Button size="compact-sm" variant="default" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('admin.workflow.moveUpLabel', { number })}>
              {t('admin.workflow.moveUp')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('admin.workflow.moveDownLabel', { number })}>
              {t('admin.workflow.moveDown')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={count === 1} onClick={onRemove} aria-label={t('admin.workflow.removeLabel', { number })}>
              {t('admin.workflow.remove')}
            </Button>
          </Group>
        </Group>
        {errors && errors.other.length > 0 && (
          <Alert color="red" variant="light" title={t('admin.workflow.stepError')} data-testid="step-error">
            {errors.other.join(' ')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('admin.workflow.stepName')} value={step.name} onChange={(event) => onChange({ ...step, name: event.currentTarget.value })} error={fieldError.name} />
          <Select
            label={t('admin.workflow.role')}
            data={STEP_ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            value={step.role}
            onChange={(value) => value && onChange({ ...step, role: value as WorkflowStep['role'] })}
            allowDeselect={false}
            error={fieldError.role}
          />
          <Select
            label={t('admin.workflow.agencyKind')}
            data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`admin.workflow.agencyKinds.${k}`) }))}
            value={agencyKind}
            onChange={(value) => {
              if (value === 'receiving' || value === 'competent') onChange({ ...step, agency: { kind: value } });
              if (value === 'agency') onChange({ ...step, agency: { kind: 'agency', agencyId: '' } });
            }}
            allowDeselect={false}
            error={agencyKind === 'agency' ? undefined : fieldError.agency}
          />
          {agencyKind === 'agency' && (
            <Select
              label={t('admin.workflow.agency')}
              data={agencies.map((a) => ({ value: a.id, label: a.name }))}
              value={agencyId || null}
              onChange={(value) => onChange({ ...step, agency: { kind: 'agency', agencyId: value ?? '' } })}
              searchable
              error={fieldError.agency}
            />
          )}
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              label={t('admin.workflow.budget')}
              value={Number.isFinite(step.budget.value) ? step.budget.value : ''}
              onChange={(value) => onChange({ ...step, budget: { ...step.budget, value: typeof value === 'number' ? value : Number.NaN } })}
              decimalScale={2}
              error={fieldError.budget}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Select
              label={t('admin.workflow.unit')}
              data={UNITS.map((u) => ({ value: u, label: t(`admin.workflow.units.${u}`) }))}
              value={step.budget.unit}
              onChange={(value) => value && onChange({ ...step, budget: { ...step.budget, unit: value as WorkflowStep['budget']['unit'] } })}
              allowDeselect={false}
              style={{ flex: 1, minWidth: 0 }}
            />
          </Group>
          <NumberInput
            label={t('admin.workflow.nationalStatus')}
            value={step.nationalStatus}
            min={1}
            max={10}
            allowDecimal={false}
            onChange={(value) => typeof value === 'number' && onChange({ ...step, nationalStatus: value as WorkflowStep['nationalStatus'] })}
            error={fieldError.nationalStatus}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
