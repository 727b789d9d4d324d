// Picks a procedure the desk's agency handles: a combobox whose list is searched on the server as one types
// (code or name, diacritics optional), so the whole catalogue never has to be loaded.
import { Select } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ProcedureItem } from '../../api.ts';

const labelOf = (item: Pick<ProcedureItem, 'name' | 'code'>) => (item.code ? `${item.name} (${item.code})` : item.name);

interface Props {
  agencyId: string | null;
  value: ProcedureItem | null;
  onChange: (item: ProcedureItem | null) => void;
  error: string | undefined;
}

export function ProcedurePicker({ agencyId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  // Once a procedure is picked the box shows its label: that is not a new search.
  const q = value && debounced === labelOf(value) ? '' : debounced;
  const results = useQuery({
    queryKey: ['intake-procedures', agencyId, q],
    queryFn: ({ signal }) => api.searchProcedures({ q: q || undefined, agency: agencyId ?? undefined, pageSize: 20 }, signal),
    enabled: agencyId !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items = results.data?.items ?? [];
  const options = value && !items.some((i) => i.id === value.id) ? [value, ...items] : items;
  return (
    <Select
      label={t('workspace.intake.procedure')}
      description={t('workspace.intake.procedureHint')}
      withAsterisk
      searchable
      data={options.map((item) => ({ value: item.id, label: labelOf(item) }))}
      // The server has already filtered (without diacritics); do not filter again here.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((item) => item.id === id) ?? null)}
      nothingFoundMessage={results.isFetching ? undefined : t('workspace.intake.procedureNone')}
      error={error}
      maxDropdownHeight={320}
      data-testid="procedure-picker"
    />
  );
}
