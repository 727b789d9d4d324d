// One procedure as the national catalogue publishes it: general information, each way to file with its time limit,
// fee and the appointment the legal clock would give now, steps, documents, conditions, result and legal basis.
import { Anchor, Badge, Box, Breadcrumbs, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type ChannelOption, type ProcedureDetail } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { InfoList } from '../../components/InfoList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDuration, formatMoney, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { paths } from '../../paths.ts';
import { AppointmentPreview } from './AppointmentPreview.tsx';
import { channelLabel, levelLabel, onlineLabel } from './labels.ts';

const AGENCIES_SHOWN = 10;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function SourceText({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (!text) return <Text c="dimmed">{t('procedure.noInfo')}</Text>;
  return (
    <Text lang="vi" className="source-text">
      {text}
    </Text>
  );
}

function ChannelCard({ procedureId, option }: { procedureId: string; option: ChannelOption }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const fee = option.fee.isFree
    ? t('procedure.free')
    : option.fee.amountsVnd.length > 0
      ? option.fee.amountsVnd.map((amount) => formatMoney(amount, language)).join('; ')
      : (option.fee.text ?? t('procedure.noInfo'));
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {channelLabel(option.channel, language)}
        </Title>
        <InfoList
          rows={[
            { label: t('procedure.duration'), value: formatDuration(option.duration, language, t) ?? t('procedure.noInfo') },
            { label: t('procedure.fee'), value: fee },
            ...(option.fee.text && !option.fee.isFree && option.fee.amountsVnd.length > 0 ? [{ label: t('procedure.note'), value: option.fee.text, lang: 'vi' }] : []),
            ...(option.note ? [{ label: t('procedure.note'), value: option.note, lang: 'vi' }] : []),
          ]}
        />
        <AppointmentPreview procedureId={procedureId} channel={option.channel} duration={option.duration} />
      </Stack>
    </Card>
  );
}

function Channels({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const variants = procedure.variants.length > 0 ? procedure.variants : [{ id: 'default', name: '', isDefault: true, channels: procedure.channels }];
  if (variants.every((variant) => variant.channels.length === 0)) return <Text c="dimmed">{t('procedure.noInfo')}</Text>;
  return (
    <Stack gap="md">
      {variants.map((variant) => (
        <Stack key={variant.id} gap="xs">
          {variants.length > 1 && (
            <Text fw={600} lang="vi">
              {t('procedure.variant', { name: variant.name })}
            </Text>
          )}
          <SimpleGrid component="ul" className="plain-list" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {variant.channels.map((option) => (
              <ChannelCard key={option.channel} procedureId={procedure.id} option={option} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

/** Whether some way to file this procedure is online (the "Nộp trực tuyến" button). */
const offersOnline = (procedure: ProcedureDetail) => [procedure.channels, ...procedure.variants.map((v) => v.channels)].some((channels) => channels.some((c) => c.channel === 'online'));

function ProcedureView({ procedure }: { procedure: ProcedureDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const noInfo = t('procedure.noInfo');
  const online = onlineLabel(procedure, t);
  const agenciesShown = procedure.agencies.slice(0, AGENCIES_SHOWN);
  const agenciesLeft = procedure.agencyCount - agenciesShown.length;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1} lang="vi">
          {procedure.name}
        </Title>
        <Group gap={6}>
          {procedure.code && (
            <Badge variant="light" color="gray" c="gray.9" tt="none">
              {procedure.code}
            </Badge>
          )}
          {procedure.levels.map((level) => (
            <Badge key={level} variant="light" color="gray" c="gray.9" tt="none">
              {levelLabel(level, language)}
            </Badge>
          ))}
        </Group>
        <Text size="sm" c="dimmed">
          {t('procedure.dataNote')}
        </Text>
      </Stack>

      <Section id="general" title={t('procedure.general')}>
        <InfoList
          rows={[
            { label: t('procedure.code'), value: procedure.code ?? noInfo },
            { label: t('procedure.field'), value: procedure.field ?? noInfo, lang: 'vi' },
            { label: t('procedure.level'), value: procedure.levels.map((level) => levelLabel(level, language)).join(', ') || noInfo },
            { label: t('procedure.ministry'), value: procedure.managingMinistry ?? noInfo, lang: 'vi' },
            { label: t('procedure.decision'), value: procedure.decision ?? noInfo, lang: 'vi' },
            { label: t('procedure.type'), value: procedure.procedureType ?? noInfo, lang: 'vi' },
            { label: t('procedure.applicants'), value: procedure.applicantTypes.join('; ') || noInfo, lang: 'vi' },
            { label: t('procedure.onlineLevel'), value: online ?? noInfo },
          ]}
        />
      </Section>

      <Section id="channels" title={t('procedure.channels')}>
        <Stack gap="md">
          <Channels procedure={procedure} />
          {offersOnline(procedure) && (
            <Group>
              <Button component={Link} to={paths.fileOnline(procedure.id)}>
                {t('citizen.fileOnline')}
              </Button>
            </Group>
          )}
        </Stack>
      </Section>

      <Section id="steps" title={t('procedure.steps')}>
        <SourceText text={procedure.steps} />
      </Section>

      <Section id="components" title={t('procedure.components')}>
        {procedure.components.length > 0 ? (
          <List spacing="xs" lang="vi">
            {procedure.components.map((component, index) => (
              <List.Item key={index}>
                <Text className="source-text">{component.name}</Text>
                {component.quantity && (
                  <Text size="sm" c="dimmed" lang={language}>
                    {t('procedure.quantity', { quantity: component.quantity })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        ) : (
          <SourceText text={procedure.dossierText} />
        )}
      </Section>

      <Section id="conditions" title={t('procedure.conditions')}>
        <SourceText text={procedure.conditions} />
      </Section>

      <Section id="result" title={t('procedure.result')}>
        <SourceText text={procedure.result} />
      </Section>

      <Section id="legal-basis" title={t('procedure.legalBasis')}>
        <SourceText text={procedure.legalBasis} />
      </Section>

      {procedure.forms && (
        <Section id="forms" title={t('procedure.forms')}>
          <SourceText text={procedure.forms} />
        </Section>
      )}

      <Section id="agencies" title={t('procedure.agencies')}>
        {procedure.agencyCount > 0 ? (
          <Stack gap="xs">
            <Text size="sm">{t('procedure.agenciesTotal', { count: formatNumber(procedure.agencyCount, language) })}</Text>
            <List spacing={4} lang="vi">
              {agenciesShown.map((agency) => (
                <List.Item key={agency.id}>{agency.name}</List.Item>
              ))}
            </List>
            {agenciesLeft > 0 && <Text size="sm">{t('procedure.agenciesMore', { count: formatNumber(agenciesLeft, language) })}</Text>}
          </Stack>
        ) : (
          <SourceText text={procedure.implementingAgency ?? procedure.competentAgency} />
        )}
      </Section>

      <Group gap="lg">
        <Anchor component={Link} to={paths.tracking()}>
          {t('procedure.trackLink')}
        </Anchor>
        {procedure.sourceUrl && (
          <Anchor href={procedure.sourceUrl} target="_blank" rel="noopener noreferrer">
            {t('procedure.source')}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}

export function ProcedurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const procedure = useQuery({ queryKey: ['procedure', id], queryFn: () => api.procedure(id), retry: false });
  usePageTitle(procedure.data?.name ?? t('procedure.back'));
  const isMissing = procedure.error instanceof ApiError && (procedure.error.status === 404 || procedure.error.status === 400);

  return (
    <Stack gap="md">
      <Box component="nav" aria-label={t('nav.breadcrumbs')}>
        <Breadcrumbs separator="›">
          <Anchor component={Link} to={paths.home} size="sm">
            {t('nav.home')}
          </Anchor>
          <Anchor component={Link} to={paths.catalogue()} size="sm">
            {t('procedure.back')}
          </Anchor>
        </Breadcrumbs>
      </Box>
      {procedure.isPending && <Loading />}
      {isMissing && <Text role="alert">{t('procedure.notFound')}</Text>}
      {procedure.isError && !isMissing && <ErrorMessage error={procedure.error} onRetry={() => void procedure.refetch()} />}
      {procedure.data && <ProcedureView procedure={procedure.data} />}
    </Stack>
  );
}
