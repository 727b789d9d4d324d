// "If I file now, when is my result due?": the server's legal clock (POST /api/deadlines/preview) for one channel,
// at the server's "now", on the province's working calendar.
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/procedures.ts';
import { api, type ChannelOption } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { serverNowIso, useSite } from '../../site.ts';

export function AppointmentPreview({ procedureId, channel, duration }: { procedureId: string; channel: Channel; duration: ChannelOption['duration'] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const site = useSite();
  const hasUnit = Boolean(duration?.unit);
  const provinceCode = site.data?.provinceCode;
  const preview = useQuery({
    queryKey: ['deadline-preview', procedureId, channel, provinceCode],
    queryFn: () => api.previewDeadline({ provinceCode: provinceCode ?? '', receivedAt: serverNowIso(), procedureId, channel }),
    enabled: hasUnit && provinceCode !== undefined,
    staleTime: 60_000,
    retry: false,
  });

  if (!duration) return null;
  let text: string;
  let detail: string | null = null;
  if (!hasUnit) text = t('procedure.appointmentNoUnit');
  else if (preview.data) {
    text = t('procedure.appointmentDue', { date: formatDateTime(preview.data.dueAt, language, t) });
    detail = preview.data.provisional
      ? t('procedure.appointmentProvisional')
      : t('procedure.appointmentStarts', { date: formatDateTime(preview.data.startsAt, language, t) });
  } else if (preview.isError) text = t('procedure.appointmentError');
  else text = t('app.loading');

  return (
    <div aria-live="polite">
      <Text size="sm" fw={600}>
        {t('procedure.appointmentTitle')}
      </Text>
      <Text size="sm" data-testid={`appointment-${channel}`}>
        {text}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </div>
  );
}
