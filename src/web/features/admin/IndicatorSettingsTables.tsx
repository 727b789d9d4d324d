// The 766 settings page's tables: one per group (each sub-indicator counted or not, its maximum points and threshold
// T in percent), the rating bands and the rating scores. A changed row says so, shows its default and offers a
// reset; every input is labelled by the row's name and shows its error under it (Mantine links it with
// aria-describedby). On a phone each table scrolls inside its own focusable region.
import { Badge, Button, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexGroupKey } from '../../../shared/indicators/index766-types.ts';
import type { IndicatorSettings } from '../../../shared/indicators/settings.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { dashboardVi } from '../dashboard/i18n.ts';
import { BANDS, GROUP_ROWS, SCORES, type Draft, type InputValue, type RowId, type ScoreKey } from './indicator-settings-form.ts';

type SubKey = keyof typeof dashboardVi.index.subNames;
type Band = (typeof BANDS)[number];
export type ResettableRow = RowId | Band | ScoreKey;

export interface TableProps {
  draft: Draft;
  defaults: IndicatorSettings;
  errors: Record<string, string>;
  readOnly: boolean;
  isChanged: (row: ResettableRow) => boolean;
  onChange: (draft: Draft) => void;
  onReset: (row: ResettableRow) => void;
}

/** The dashboard's name of a sub-indicator ('3.5b' → dashboard.index.subNames.s3_5b). */
export function useSubName() {
  const { t } = useTranslation();
  return (id: RowId) => {
    const key = /^\d/.test(id) ? `s${id.replace('.', '_')}` : id;
    return key in dashboardVi.index.subNames ? t(`dashboard.index.subNames.${key as SubKey}`) : id;
  };
}

function useNumberInputProps() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return { decimalSeparator: language === 'vi' ? ',' : '.', hideControls: true, w: 96, size: 'sm' as const };
}

function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table withTableBorder miw={560} verticalSpacing="xs">
        <Table.Caption id={captionId}>{caption}</Table.Caption>
        {children}
      </Table>
    </ScrollRegion>
  );
}

/** The last cell of a row: "changed" with the default and a reset button, or "default". */
function ChangeCell({ name, changed, defaultText, readOnly, onReset }: { name: string; changed: boolean; defaultText: string; readOnly: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  if (!changed) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.indicators.unchanged')}
      </Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Badge color="orange" variant="light" c="dark.9" tt="none">
        {t('admin.indicators.changed')}
      </Badge>
      <Text size="xs">{defaultText}</Text>
      {!readOnly && (
        <Button size="compact-xs" variant="subtle" onClick={onReset} aria-label={t('admin.indicators.resetLabel', { name })}>
          {t('admin.indicators.reset')}
        </Button>
      )}
    </Stack>
  );
}

export function GroupTable({ group, max, ...props }: TableProps & { group: IndexGroupKey; max: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const headingId = useId();
  const subName = useSubName();
  const inputProps = useNumberInputProps();
  const { draft, defaults, errors, readOnly, isChanged, onChange, onReset } = props;
  const groupName = t(`dashboard.index.groups.${group}`);
  const defaultText = (id: RowId) => {
    const one = id === '2.1' ? defaults.timeliness : defaults.subIndicators[id];
    const threshold = one.threshold === null ? t('admin.indicators.noThreshold') : t('admin.indicators.defaultThreshold', { value: formatNumber(one.threshold * 100, language) });
    return t('admin.indicators.defaultSub', { points: formatNumber(one.points, language), threshold });
  };
  const setRow = (id: RowId, change: { enabled?: boolean; points?: InputValue; threshold?: InputValue }) =>
    onChange(
      id === '2.1'
        ? { ...draft, timeliness: { ...draft.timeliness, ...change } }
        : { ...draft, subIndicators: { ...draft.subIndicators, [id]: { ...draft.subIndicators[id], ...change } } },
    );
  return (
    <Stack component="section" aria-labelledby={headingId} gap={4}>
      <Title order={2} size="h4" id={headingId}>
        {groupName}
      </Title>
      <Text size="sm" fw={600} data-testid={`group-max-${group}`}>
        {t('admin.indicators.groupMax', { points: Number.isFinite(max) ? formatNumber(max, language) : '—' })}
      </Text>
      <ScrollTable caption={t('admin.indicators.groupCaption', { name: groupName })}>
        <Table.Thead>
          <Table.Tr>
            {(['sub', 'enabled', 'points', 'threshold', 'change'] as const).map((column) => (
              <Table.Th key={column} scope="col">
                {t(`admin.indicators.columns.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {GROUP_ROWS[group].map((id) => {
            const name = subName(id);
            const row = id === '2.1' ? { enabled: true, ...draft.timeliness } : draft.subIndicators[id];
            const path = id === '2.1' ? 'timeliness' : `subIndicators.${id}`;
            return (
              <Table.Tr key={id} data-testid={`row-${id}`}>
                <Table.Th scope="row" fw={500}>
                  {name}
                </Table.Th>
                <Table.Td>
                  {id === '2.1' ? (
                    <Text size="sm">{t('admin.indicators.alwaysOn')}</Text>
                  ) : (
                    <Switch
                      checked={row.enabled}
                      onChange={(event) => setRow(id, { enabled: event.currentTarget.checked })}
                      disabled={readOnly}
                      aria-label={t('admin.indicators.enabledLabel', { name })}
                      error={errors[`${path}.enabled`]}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    {...inputProps}
                    aria-label={t('admin.indicators.pointsLabel', { name })}
                    value={row.points}
                    onChange={(value) => setRow(id, { points: value })}
                    readOnly={readOnly}
                    error={errors[`${path}.points`]}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    {...inputProps}
                    aria-label={t('admin.indicators.thresholdLabel', { name })}
                    value={row.threshold}
                    onChange={(value) => setRow(id, { threshold: value })}
                    readOnly={readOnly}
                    error={errors[`${path}.threshold`]}
                  />
                </Table.Td>
                <Table.Td>
                  <ChangeCell name={name} changed={isChanged(id)} defaultText={defaultText(id)} readOnly={readOnly} onReset={() => onReset(id)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

interface ValueRow {
  key: string;
  name: string;
  label: string;
  value: InputValue;
  onChange: (value: InputValue) => void;
  error: string | undefined;
  changed: boolean;
  defaultText: string;
  onReset: () => void;
}

/** A section of one-number settings: a row per setting, its input and its change cell. */
function ValueTable({ heading, caption, columns, rows, readOnly, allowDecimal }: { heading: string; caption: string; columns: readonly [string, string]; rows: ValueRow[]; readOnly: boolean; allowDecimal?: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputProps = useNumberInputProps();
  return (
    <Stack component="section" aria-labelledby={headingId} gap={4}>
      <Title order={2} size="h4" id={headingId}>
        {heading}
      </Title>
      <ScrollTable caption={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{columns[0]}</Table.Th>
            <Table.Th scope="col">{columns[1]}</Table.Th>
            <Table.Th scope="col">{t('admin.indicators.columns.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid={`row-${row.key}`}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              <Table.Td>
                <NumberInput {...inputProps} aria-label={row.label} allowDecimal={allowDecimal} value={row.value} onChange={row.onChange} readOnly={readOnly} error={row.error} />
              </Table.Td>
              <Table.Td>
                <ChangeCell name={row.name} changed={row.changed} defaultText={row.defaultText} readOnly={readOnly} onReset={row.onReset} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

/** The rating bands (minimum score in percent) and the two rating scores (1–5). */
export function BandsAndScores(props: TableProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { draft, defaults, errors, readOnly, isChanged, onChange, onReset } = props;
  const defaultText = (value: number) => t('admin.indicators.defaultValue', { value: formatNumber(value, language) });
  const bandRows = BANDS.map((band): ValueRow => {
    const name = t(`dashboard.index.bands.${band}`);
    return {
      key: band,
      name,
      label: t('admin.indicators.bands.label', { name }),
      value: draft.bands[band],
      onChange: (value) => onChange({ ...draft, bands: { ...draft.bands, [band]: value } }),
      error: errors[`bands.${band}`],
      changed: isChanged(band),
      defaultText: defaultText(defaults.bands[band]),
      onReset: () => onReset(band),
    };
  });
  const scoreRows = SCORES.map((key): ValueRow => {
    const name = t(`admin.indicators.ratings.${key}`);
    return {
      key,
      name,
      label: name,
      value: draft[key],
      onChange: (value) => onChange({ ...draft, [key]: value }),
      error: errors[key],
      changed: isChanged(key),
      defaultText: defaultText(defaults[key]),
      onReset: () => onReset(key),
    };
  });
  return (
    <>
      <ValueTable
        heading={t('admin.indicators.bands.heading')}
        caption={t('admin.indicators.bands.caption')}
        columns={[t('admin.indicators.bands.band'), t('admin.indicators.bands.min')]}
        rows={bandRows}
        readOnly={readOnly}
      />
      <ValueTable
        heading={t('admin.indicators.ratings.heading')}
        caption={t('admin.indicators.ratings.caption')}
        columns={[t('admin.indicators.ratings.setting'), t('admin.indicators.ratings.value')]}
        rows={scoreRows}
        readOnly={readOnly}
        allowDecimal={false}
      />
    </>
  );
}
