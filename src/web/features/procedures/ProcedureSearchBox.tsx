// Search box with suggestions as the visitor types (diacritics optional: the API ignores them). Picking a
// suggestion opens the procedure; Enter without a pick opens the catalogue filtered by the words typed.
import { Button, Combobox, Group, Loader, Text, TextInput, VisuallyHidden, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { paths } from '../../paths.ts';

const MIN_CHARS = 2;

export function ProcedureSearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const isActive = debounced.length >= MIN_CHARS;
  const suggestions = useQuery({
    queryKey: ['procedure-suggestions', debounced],
    queryFn: ({ signal }) => api.searchProcedures({ q: debounced, pageSize: 8 }, signal),
    enabled: isActive,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const items = isActive ? (suggestions.data?.items ?? []) : [];
  const isSettled = isActive && !suggestions.isFetching && suggestions.data !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    combobox.closeDropdown();
    void navigate(paths.catalogue({ q: value.trim() }));
  };

  return (
    <form role="search" onSubmit={submit}>
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          combobox.closeDropdown();
          void navigate(paths.procedure(id));
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Combobox.Target withExpandedAttribute>
            <TextInput
              style={{ flex: '1 1 16rem' }}
              size="lg"
              label={t('home.searchLabel')}
              description={t('home.searchHint')}
              placeholder={t('home.searchPlaceholder')}
              value={value}
              autoComplete="off"
              onChange={(event) => {
                setValue(event.currentTarget.value);
                combobox.openDropdown();
                combobox.updateSelectedOptionIndex();
              }}
              onClick={() => combobox.openDropdown()}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              rightSection={isActive && suggestions.isFetching ? <Loader size="xs" /> : null}
            />
          </Combobox.Target>
          <Button type="submit" size="lg">
            {t('home.searchButton')}
          </Button>
        </Group>
        <Combobox.Dropdown hidden={!isActive || (items.length === 0 && !isSettled)}>
          <Combobox.Options aria-label={t('home.suggestions')}>
            {items.map((item) => (
              <Combobox.Option value={item.id} key={item.id}>
                <Text size="sm" fw={500} lang="vi">
                  {item.name}
                </Text>
                <Text size="xs" c="dimmed" lang="vi">
                  {[item.code, item.field].filter(Boolean).join(' · ')}
                </Text>
              </Combobox.Option>
            ))}
            {isSettled && items.length === 0 && <Combobox.Empty>{t('home.noSuggestions')}</Combobox.Empty>}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden role="status" aria-live="polite">
        {isSettled ? (items.length > 0 ? t('home.suggestionCount', { count: items.length }) : t('home.noSuggestions')) : ''}
      </VisuallyHidden>
    </form>
  );
}
