// The assign dialog's field: a searchable list of the handlers the dossier may be assigned to (from the API),
// by name; typed text (diacritics optional) filters the list and the arrow keys and Enter pick, like any combobox.
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { workspaceApi } from './api.ts';

/** Lower case without diacritics (đ → d), so that "thu ly" finds "Lê Văn Thụ Lý". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const filter: OptionsFilter = ({ options, search }) => (options as ComboboxItem[]).filter((option) => fold(option.label).includes(fold(search.trim())));

interface Props {
  dossierId: string;
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

export function AssigneeSelect({ dossierId, label, error, value, onChange }: Props) {
  const { t } = useTranslation();
  const assignees = useQuery({
    queryKey: ['assignees', dossierId],
    queryFn: () => workspaceApi.assignees(dossierId),
  });
  const data = (assignees.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }));
  return (
    <Select
      label={label}
      withAsterisk
      description={t('workspace.field.assigneeIdHint')}
      error={error ?? (assignees.isError ? t('workspace.dialog.loadFailed') : undefined)}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      filter={filter}
      nothingFoundMessage={t('workspace.dialog.nothingFound')}
      disabled={assignees.isPending}
      allowDeselect={false}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
