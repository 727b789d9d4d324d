// The dashboard's unit filter: the province, or one of its communes and wards of today (after 07/2025), whose figures
// include those of the units below it and of the old units merged into it (the API's `unitCode`). Kept in the address
// as `?donVi=<code>` so that reloads and links keep it; typed text filters the list without diacritics ("ba dinh"
// finds "Phường Ba Đình"). A province administrator or leader may pick any unit; other officers are offered the units
// of their own agencies (the API answers 403 `unit_scope` for the rest).
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSite } from '../../site.ts';
import { useSession } from '../account/useSession.ts';
import { dashboardApi } from './api.ts';
import { UNIT_PARAM } from './period.ts';

/** Lower case without diacritics (đ → d). */
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const filter: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[]).filter((option) => fold(option.label).includes(fold(search.trim())));

const SEES_EVERY_UNIT = new Set(['province_admin', 'province_leader']);

/** The unit chosen in the address (undefined: the viewer's whole scope), and a setter that keeps the other parameters. */
export function useUnitFilter(): [string | undefined, (code: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const unitCode = params.get(UNIT_PARAM) || undefined;
  const setUnitCode = (code: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (code) next.set(UNIT_PARAM, code);
        else next.delete(UNIT_PARAM);
        return next;
      },
      { replace: true },
    );
  return [unitCode, setUnitCode];
}

export function UnitFilter() {
  const { t } = useTranslation();
  const site = useSite();
  const session = useSession();
  const [unitCode, setUnitCode] = useUnitFilter();
  const provinceCode = site.data?.provinceCode;
  const units = useQuery({
    queryKey: ['dashboard', 'units', provinceCode],
    queryFn: () => dashboardApi.units(provinceCode as string),
    enabled: provinceCode !== undefined,
    staleTime: Infinity,
  });
  const roles = session.data?.roles ?? [];
  const seesEvery = roles.some((grant) => SEES_EVERY_UNIT.has(grant.role));
  const own = new Set(roles.map((grant) => grant.unitCode));
  const data = (units.data ?? [])
    .filter((u) => seesEvery || own.has(u.code) || u.code === unitCode)
    .map((u) => ({ value: u.code, label: u.fullName }));
  return (
    <Select
      label={t('dashboard.unit.label')}
      description={t('dashboard.unit.description')}
      placeholder={t('dashboard.unit.placeholder')}
      error={units.isError ? t('dashboard.unit.loadFailed') : undefined}
      data={data}
      value={unitCode ?? null}
      onChange={(next) => setUnitCode(next ?? undefined)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('dashboard.unit.clear') }}
      filter={filter}
      nothingFoundMessage={t('dashboard.unit.nothingFound')}
      disabled={units.isPending}
      maw={420}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
