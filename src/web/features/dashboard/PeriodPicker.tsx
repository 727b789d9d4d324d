// The reporting period picker (month / quarter / year / custom dates; this year by default, on the server's clock) and
// the hook that reads the period from the address, so that every dashboard page and drill-down link shares it. A new
// period keeps the address's other parameters (the unit filter, the grouping of form II.06a).
import { Alert, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import { serverNowIso, useSite } from '../../site.ts';
import type { Period } from './api.ts';
import { PERIOD_KINDS, periodOf, readChoice, UNIT_PARAM, withChoice, writeChoice, type PeriodChoice } from './period.ts';

const FIRST_YEAR = 2024;

export function usePeriod(): {
  choice: PeriodChoice;
  period: Period | null;
  /** The query string of links between the dashboard's pages: the period, and the unit filter when one is chosen. */
  search: string;
  setChoice: (c: PeriodChoice) => void;
} {
  const site = useSite();
  const [params, setParams] = useSearchParams();
  const today = formatVietnamIso(
    Date.parse(site.data?.now ? serverNowIso() : new Date().toISOString()),
  ).slice(0, 10);
  const choice = readChoice(params, today);
  const carried = writeChoice(choice);
  const unitCode = params.get(UNIT_PARAM);
  if (unitCode) carried.set(UNIT_PARAM, unitCode);
  return {
    choice,
    period: periodOf(choice),
    search: `?${carried.toString()}`,
    setChoice: (c) => setParams((prev) => withChoice(prev, c), { replace: true }),
  };
}

export function PeriodPicker() {
  const { t } = useTranslation();
  const { choice, period, setChoice } = usePeriod();
  const lastYear = Math.max(new Date().getFullYear(), choice.year);
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => String(lastYear - i));
  const set = (patch: Partial<PeriodChoice>) => setChoice({ ...choice, ...patch });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t('dashboard.period.legend')}</legend>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('dashboard.period.kind')}
          value={choice.kind}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`dashboard.period.${k}`) }))}
          onChange={(e) => set({ kind: e.currentTarget.value as PeriodChoice['kind'] })}
        />
        {choice.kind !== 'custom' && (
          <NativeSelect
            label={t('dashboard.period.year')}
            value={String(choice.year)}
            data={years}
            onChange={(e) => set({ year: Number(e.currentTarget.value) })}
          />
        )}
        {choice.kind === 'quarter' && (
          <NativeSelect
            label={t('dashboard.period.quarter')}
            value={String(choice.quarter)}
            data={[1, 2, 3, 4].map((q) => ({
              value: String(q),
              label: t('dashboard.period.quarterOption', { quarter: q }),
            }))}
            onChange={(e) => set({ quarter: Number(e.currentTarget.value) })}
          />
        )}
        {choice.kind === 'month' && (
          <NativeSelect
            label={t('dashboard.period.month')}
            value={String(choice.month)}
            data={Array.from({ length: 12 }, (_, i) => ({
              value: String(i + 1),
              label: t('dashboard.period.monthOption', { month: i + 1 }),
            }))}
            onChange={(e) => set({ month: Number(e.currentTarget.value) })}
          />
        )}
        {choice.kind === 'custom' && (
          <>
            <TextInput
              type="date"
              label={t('dashboard.period.from')}
              value={choice.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('dashboard.period.to')}
              value={choice.last}
              onChange={(e) => set({ last: e.currentTarget.value })}
            />
          </>
        )}
      </Group>
      {period === null && (
        <Alert variant="light" color="red" mt="xs" role="alert">
          {t('dashboard.period.invalid')}
        </Alert>
      )}
    </fieldset>
  );
}
