// The 766 settings page's tables: one per group (each sub-indicator counted or not, its maximum points and threshold
// T in percent), the rating bands and the rating scores. A changed row says so, shows its default and offers a
// reset; every input is labelled by the row's name and shows its error under it (Mantine links it with
// aria-describedby). On a phone each table scrolls inside its own focusable region.
import { Badge, Button, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexGroupKey } from '../../../shared/indicators/index766-types.ts';
import type { IndicatorSettings } from '../../../shared/indicators/settings.ts';
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
    <div role="region" aria-labelledby={captionId} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table withTableBorder miw={560} verticalSpacing="xs">
        <Table.Caption id={captionId}>{caption}</Table.Caption>
        {children}
      </Table>
    </div>
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

/** The rating bands (minimum score in percent) and the two rating scores (1–5). */
export function BandsAndScores(props: TableProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const bandsId = useId();
  const ratingsId = useId();
  const inputProps = useNumberInputProps();
  const { draft, defaults, errors, readOnly, isChanged, onChange, onReset } = props;
  const defaultText = (value: number) => t('admin.indicators.defaultValue', { value: formatNumber(value, language) });
  return (
    <>
      <Stack component="section" aria-labelledby={bandsId} gap={4}>
        <Title order={2} size="h4" id={bandsId}>
          {t('admin.indicators.bands.heading')}
        </Title>
        <ScrollTable caption={t('admin.indicators.bands.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.indicators.bands.band')}</Table.Th>
              <Table.Th scope="col">{t('admin.indicators.bands.min')}</Table.Th>
              <Table.Th scope="col">{t('admin.indicators.columns.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {BANDS.map((band) => {
              const name = t(`dashboard.index.bands.${band}`);
              return (
                <Table.Tr key={band} data-testid={`row-${band}`}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  <Table.Td>
                    <NumberInput
                      {...inputProps}
                      aria-label={t('admin.indicators.bands.label', { name })}
                      value={draft.bands[band]}
                      onChange={(value) => onChange({ ...draft, bands: { ...draft.bands, [band]: value } })}
                      readOnly={readOnly}
                      error={errors[`bands.${band}`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ChangeCell name={name} changed={isChanged(band)} defaultText={defaultText(defaults.bands[band])} readOnly={readOnly} onReset={() => onReset(band)} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
      <Stack component="section" aria-labelledby={ratingsId} gap={4}>
        <Title order={2} size="h4" id={ratingsId}>
          {t('admin.indicators.ratings.heading')}
        </Title>
        <ScrollTable caption={t('admin.indicators.ratings.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.indicators.ratings.setting')}</Table.Th>
              <Table.Th scope="col">{t('admin.indicators.ratings.value')}</Table.Th>
              <Table.Th scope="col">{t('admin.indicators.columns.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SCORES.map((key) => {
              const name = t(`admin.indicators.ratings.${key}`);
              return (
                <Table.Tr key={key} data-testid={`row-${key}`}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  <Table.Td>
                    <NumberInput
                      {...inputProps}
                      aria-label={name}
                      allowDecimal={false}
                      value={draft[key]}
                      onChange={(value) => onChange({ ...draft, [key]: value })}
                      readOnly={readOnly}
                      error={errors[key]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ChangeCell name={name} changed={isChanged(key)} defaultText={defaultText(defaults[key])} readOnly={readOnly} onReset={() => onReset(key)} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
    </>
  );
}
