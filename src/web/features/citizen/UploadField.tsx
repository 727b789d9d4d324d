// A file input for one dossier component: each chosen file is checked for type and size against the server's limits
// before it is sent, then uploaded with a progress bar (labelled with the file's name) and listed once stored.
import { ActionIcon, Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/ErrorMessage.tsx';
import { citizenApi, uploadFile, type UploadedFile, type UploadLimits } from './api.ts';
import { useSizeText } from './useSizeText.ts';

interface Pending {
  key: string;
  name: string;
  progress: number;
}

/** The extensions people know for the accepted types ("JPEG" also comes as .jpg). */
function extensionsOf(limits: UploadLimits): string[] {
  return limits.mediaTypes.flatMap((m) => (m.name === 'JPEG' ? ['.jpg', '.jpeg'] : [`.${m.name.toLowerCase()}`]));
}

export function useUploadLimits() {
  return useQuery({ queryKey: ['upload-limits'], queryFn: citizenApi.uploadLimits, staleTime: Infinity });
}

export function UploadField({
  label,
  files,
  onChange,
  onBusyChange,
}: {
  label: string;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  onBusyChange?: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const limits = useUploadLimits();
  const sizeText = useSizeText();
  const errorText = useErrorText();
  const [pending, setPending] = useState<Pending[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  // The latest list, for uploads that finish after other changes.
  const current = useRef(files);
  current.current = files;

  if (!limits.data) return null;
  const maxBytes = limits.data.maxBytes;
  const types = limits.data.mediaTypes.map((m) => m.name).join(', ');
  const extensions = extensionsOf(limits.data);
  const accepted = new Set(limits.data.mediaTypes.map((m) => m.mediaType));

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    const problems: string[] = [];
    const valid = chosen.filter((file) => {
      const extension = file.name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
      if (!accepted.has(file.type) && !extensions.includes(extension)) {
        problems.push(t('citizen.file.wrongType', { name: file.name, types }));
        return false;
      }
      if (file.size > maxBytes) {
        problems.push(t('citizen.file.tooLarge', { name: file.name, size: sizeText(file.size), max: sizeText(maxBytes) }));
        return false;
      }
      return true;
    });
    setErrors(problems);
    if (valid.length === 0) return;
    const started = valid.map((file) => ({ file, key: `${file.name}-${Math.random()}` }));
    setPending((list) => [...list, ...started.map(({ file, key }) => ({ key, name: file.name, progress: 0 }))]);
    onBusyChange?.(true);
    await Promise.all(
      started.map(async ({ file, key }) => {
        try {
          const stored = await uploadFile(file, (fraction) => setPending((list) => list.map((p) => (p.key === key ? { ...p, progress: Math.round(fraction * 100) } : p))));
          current.current = [...current.current, stored];
          onChange(current.current);
        } catch (error) {
          setErrors((list) => [...list, `${file.name}: ${errorText(error)}`]);
        } finally {
          setPending((list) => list.filter((p) => p.key !== key));
        }
      }),
    );
    onBusyChange?.(false);
  };

  return (
    <Stack gap={6}>
      <label htmlFor={inputId}>
        <Text component="span" size="sm" fw={500}>
          {t('citizen.file.chooseFile', { name: label })}
        </Text>
      </label>
      <input id={inputId} type="file" multiple accept={[...accepted, ...extensions].join(',')} aria-describedby={hintId} onChange={(event) => void choose(event)} style={{ maxWidth: '100%' }} />
      <Text id={hintId} size="xs" c="dimmed">
        {t('citizen.file.limits', { types, size: sizeText(maxBytes) })}
      </Text>
      {pending.map((p) => (
        <Stack key={p.key} gap={2}>
          <Text size="sm">{t('citizen.file.uploading', { name: p.name })}</Text>
          <Progress value={p.progress} aria-label={t('citizen.file.progress', { name: p.name })} />
        </Stack>
      ))}
      {files.length > 0 && (
        <Stack component="ul" className="plain-list" gap={4}>
          {files.map((file) => (
            <Group component="li" key={file.id} gap="xs" wrap="nowrap">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="uploaded-file">
                {t('citizen.file.uploaded', { name: file.name, size: sizeText(file.size) })}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('citizen.file.removeFile', { name: file.name })} onClick={() => onChange(files.filter((f) => f.id !== file.id))}>
                ×
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      {errors.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          <Stack gap={2}>
            {errors.map((error) => (
              <Text key={error} size="sm">
                {error}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
