// Where to file: the agencies offering the procedure. The procedure page lists the first 50; when more offer it, what
// the citizen types also searches all agencies by name (the server still checks that the one chosen handles it).
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../api.ts';
import { citizenApi } from './api.ts';

interface Choice {
  id: string;
  name: string;
}

export function AgencySelect({ procedure, value, onChange, error }: { procedure: ProcedureDetail; value: Choice | null; onChange: (agency: Choice | null) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const hasMore = procedure.agencyCount > procedure.agencies.length;
  const found = useQuery({
    queryKey: ['agency-search', debounced],
    queryFn: ({ signal }) => citizenApi.searchAgencies(debounced, signal),
    enabled: hasMore && debounced.length >= 2 && debounced !== value?.name,
    staleTime: 5 * 60_000,
  });
  const choices = new Map<string, string>();
  for (const agency of procedure.agencies) choices.set(agency.id, agency.name);
  for (const agency of found.data?.items ?? []) choices.set(agency.id, agency.name);
  if (value) choices.set(value.id, value.name || choices.get(value.id) || value.id);
  const description = hasMore ? `${t('citizen.file.agencyHint')} ${t('citizen.file.agencyMore', { shown: procedure.agencies.length, total: procedure.agencyCount })}` : t('citizen.file.agencyHint');
  return (
    <Select
      label={t('citizen.file.agency')}
      description={description}
      withAsterisk
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...choices].map(([id, name]) => ({ value: id, label: name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? { id, name: choices.get(id) ?? '' } : null)}
      error={error}
    />
  );
}
