// The intake form's checklist: one group per component the procedure lists, with "paper copy received" and an
// optional scan uploaded at once to POST /api/files (attached to the dossier when it is filed). The fieldset's legend
// (the component's name) tells screen readers which component each checkbox and file field belongs to.
import { Alert, Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { workspaceApi } from './api.ts';

export interface ChecklistItem {
  name: string;
  quantity: string | null;
  provided: boolean;
  files: { id: string; name: string }[];
}

interface Props {
  items: ChecklistItem[];
  onChange: (items: ChecklistItem[]) => void;
  onUploading: (busy: boolean) => void;
}

export function IntakeChecklist({ items, onChange, onUploading }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<number, string>>({});
  const update = (index: number, patch: Partial<ChecklistItem>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const upload = async (index: number, file: File | undefined) => {
    if (!file) return;
    onUploading(true);
    setErrors((old) => ({ ...old, [index]: '' }));
    try {
      const uploaded = await workspaceApi.uploadScan(file);
      const item = items[index] as ChecklistItem;
      update(index, { files: [...item.files, { id: uploaded.id, name: file.name }] });
    } catch (error) {
      setErrors((old) => ({ ...old, [index]: errorText(error) }));
    } finally {
      onUploading(false);
    }
  };

  if (items.length === 0) return <Text>{t('workspace.intake.noComponents')}</Text>;
  return (
    <Stack gap="sm" data-testid="checklist">
      {items.map((item, index) => (
        <Fieldset key={index} legend={<span lang="vi">{item.name}</span>} data-testid="checklist-item" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Stack gap="xs">
            {item.quantity && (
              <Text size="sm" lang="vi">
                {item.quantity}
              </Text>
            )}
            <Checkbox label={t('workspace.intake.received')} checked={item.provided} onChange={(e) => update(index, { provided: e.currentTarget.checked })} />
            <Text component="label" size="sm" htmlFor={`scan-${index}`} fw={500}>
              {t('workspace.intake.scan')}
            </Text>
            <input
              id={`scan-${index}`}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              style={{ maxWidth: '100%' }}
              onChange={(e) => {
                const input = e.currentTarget;
                void upload(index, input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
            {item.files.map((file) => (
              <Text key={file.id} size="sm" role="status">
                {t('workspace.intake.scanUploaded', { file: file.name })}
              </Text>
            ))}
            {errors[index] && (
              <Alert color="red" variant="light" role="alert" p="xs">
                <Text size="sm" c="dark.9">
                  {errors[index]}
                </Text>
              </Alert>
            )}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
