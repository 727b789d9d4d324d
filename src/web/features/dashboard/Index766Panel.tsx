// The 766 service index of the period, when the API gives it: total points over the measured maximum, the band, and
// a table of each group's sub-indicators with rate and points; N/A for an empty denominator, "chưa đo được" for data
// this system does not have yet; 2.2 (display only) is an average in working hours, not a rate.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Index766, SubIndicatorResult } from '../../../shared/indicators/index766-types.ts';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { TableScroll } from './ChartFigure.tsx';
import { rateText } from './format.ts';
import { dashboardVi } from './i18n.ts';

type SubKey = keyof typeof dashboardVi.index.subNames;

/** '3.5b' → the dictionary key s3_5b; null for an id without a name (shown as it is). */
function subKey(id: string): SubKey | null {
  const key = /^\d/.test(id) ? `s${id.replace('.', '_')}` : id;
  return key in dashboardVi.index.subNames ? (key as SubKey) : null;
}

export function Index766Panel({ index }: { index: Index766 }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const headingId = useId();
  const captionId = useId();
  const num = (v: number | null) => (v === null ? t('dashboard.na') : formatNumber(v, language));
  const subName = (id: string) => {
    const key = subKey(id);
    return key ? t(`dashboard.index.subNames.${key}`) : id;
  };
  const gapText = (s: SubIndicatorResult) =>
    s.gap === 'no_source' ? t('dashboard.index.notMeasured') : null;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h3" id={headingId}>
        {t('dashboard.index.heading')}
      </Title>
      <Text fw={600} data-testid="index-total">
        {t('dashboard.index.total', {
          points: num(index.points),
          measured: num(index.measuredMaxPoints),
          max: num(index.maxPoints),
          score: rateText(index.score, language, t),
        })}
      </Text>
      <Text>
        {t('dashboard.index.band', {
          band: index.band ? t(`dashboard.index.bands.${index.band}`) : t('dashboard.index.noBand'),
        })}
      </Text>
      <TableScroll label={t('dashboard.index.caption')}>
        <Table withTableBorder striped miw={480}>
          <Table.Caption id={captionId}>{t('dashboard.index.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.index.sub')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.index.rate')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.index.points')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {index.groups.map((group) => (
            <Table.Tbody key={group.group}>
              <Table.Tr>
                <Table.Th scope="rowgroup" colSpan={2}>
                  {t(`dashboard.index.groups.${group.group}`)}
                </Table.Th>
                <Table.Td fw={600}>
                  {t('dashboard.index.groupPoints', { points: num(group.points), max: num(group.maxPoints) })}
                </Table.Td>
              </Table.Tr>
              {group.subIndicators.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    {subName(s.id)}
                  </Table.Th>
                  <Table.Td>
                    {gapText(s) ??
                      (s.id === '2.2' && s.rate !== null
                        ? t('dashboard.index.hours', { value: num(s.rate) })
                        : rateText(s.rate, language, t))}
                  </Table.Td>
                  <Table.Td>
                    {gapText(s) ??
                      (!s.scored
                        ? t('dashboard.late.none')
                        : s.points === null
                          ? t('dashboard.na')
                          : t('dashboard.index.groupPoints', {
                              points: num(s.points),
                              max: num(s.maxPoints),
                            }))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          ))}
        </Table>
      </TableScroll>
    </Stack>
  );
}
