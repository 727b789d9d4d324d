// The desk returns several results by post at once: tick dossiers, type each one's waybill number, send. The
// server runs each return as its own action (own requestId and version); the batch goes in small chunks so the
// progress bar moves, and every dossier's outcome is listed, failures included (nothing is half written).
import { Alert, Button, Checkbox, List, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { workspaceApi, type BulkItem, type InboxDossier } from './api.ts';
import { DossierCard } from './DossierCard.tsx';

const CHUNK = 5;

interface Outcome {
  dossierId: string;
  code: string;
  ok: boolean;
  waybill: string;
  message: string;
}

export function BulkReturn({ items }: { items: InboxDossier[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [waybills, setWaybills] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [noneSelected, setNoneSelected] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  // One requestId per dossier until it is returned: sending again after a lost answer replays, never acts twice.
  const requestIds = useRef(new Map<string, string>());
  const returnable = items.filter((d) => d.allowedActions.includes('return_result'));
  const running = progress !== null && progress.done < progress.total;

  const toggle = (id: string, on: boolean) => setSelected((old) => (on ? [...old, id] : old.filter((x) => x !== id)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = returnable.filter((d) => selected.includes(d.id));
    const empty = chosen.filter((d) => !waybills[d.id]?.trim()).map((d) => d.id);
    setNoneSelected(chosen.length === 0);
    setMissing(empty);
    if (chosen.length === 0 || empty.length > 0) return;
    const batch: (BulkItem & { code: string; waybill: string })[] = chosen.map((d) => {
      if (!requestIds.current.has(d.id)) requestIds.current.set(d.id, crypto.randomUUID());
      const waybill = (waybills[d.id] as string).trim();
      return {
        dossierId: d.id,
        requestId: requestIds.current.get(d.id) as string,
        version: d.version,
        fields: { method: 'post', waybillNumber: waybill },
        code: d.code ?? d.id,
        waybill,
      };
    });
    setOutcomes([]);
    setProgress({ done: 0, total: batch.length });
    const results: Outcome[] = [];
    for (let start = 0; start < batch.length; start += CHUNK) {
      const chunk = batch.slice(start, start + CHUNK);
      try {
        const answer = await workspaceApi.bulkAction(
          'return_result',
          chunk.map(({ dossierId, requestId, version, fields }) => ({
            dossierId,
            requestId,
            version,
            fields,
          })),
        );
        answer.items.forEach((outcome, i) => {
          const sent = chunk[i] as (typeof chunk)[number];
          const message = outcome.ok ? '' : language === 'en' && outcome.error.messageEn ? outcome.error.messageEn : outcome.error.message;
          results.push({
            dossierId: sent.dossierId,
            code: sent.code,
            ok: outcome.ok,
            waybill: sent.waybill,
            message,
          });
        });
      } catch (error) {
        // The whole chunk got no answer: each of its dossiers says so (a retry replays the ones that were done).
        for (const sent of chunk)
          results.push({
            dossierId: sent.dossierId,
            code: sent.code,
            ok: false,
            waybill: sent.waybill,
            message: error instanceof Error ? error.message : String(error),
          });
      }
      setProgress({ done: Math.min(start + CHUNK, batch.length), total: batch.length });
      setOutcomes([...results]);
    }
    setSelected((old) => old.filter((id) => !results.some((r) => r.ok && r.dossierId === id)));
    void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
  };

  const failed = outcomes.filter((o) => !o.ok).length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="bulk-title">
      <Title order={2} id="bulk-title" size="h3">
        {t('workspace.bulk.title')}
      </Title>
      <Text size="sm">{t('workspace.bulk.lead')}</Text>
      {progress && (
        <Stack gap={4} role="status" data-testid="bulk-status">
          <Progress value={(progress.done / progress.total) * 100} aria-label={t('workspace.bulk.progress', { count: progress.total })} />
          <Text size="sm" fw={600}>
            {running
              ? t('workspace.bulk.progress', { count: progress.total })
              : failed > 0
                ? t('workspace.bulk.summaryFailed', {
                    done: outcomes.length - failed,
                    total: outcomes.length,
                    failed,
                  })
                : t('workspace.bulk.summary', { done: outcomes.length, total: outcomes.length })}
          </Text>
        </Stack>
      )}
      {outcomes.length > 0 && (
        <List spacing={4} data-testid="bulk-outcomes">
          {outcomes.map((o) => (
            <List.Item key={o.dossierId} data-testid="bulk-outcome" data-ok={o.ok}>
              <Text size="sm" c={o.ok ? undefined : 'red.9'}>
                <strong>{o.code}</strong>: {o.ok ? t('workspace.bulk.rowDone', { waybill: o.waybill }) : t('workspace.bulk.rowFailed', { message: o.message })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {items.length === 0 ? (
        <Text>{t('workspace.empty')}</Text>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            <Stack gap="sm" component="ul" className="plain-list" data-testid="inbox-list">
              {items.map((dossier) => {
                const code = dossier.code ?? dossier.id;
                const isSelected = selected.includes(dossier.id);
                return (
                  <DossierCard key={dossier.id} dossier={dossier}>
                    {dossier.allowedActions.includes('return_result') && (
                      <Stack gap={4} mt="xs">
                        <Checkbox label={t('workspace.bulk.select', { code })} checked={isSelected} onChange={(e) => toggle(dossier.id, e.currentTarget.checked)} disabled={running} />
                        {isSelected && (
                          <TextInput
                            label={t('workspace.bulk.waybillOf', { code })}
                            withAsterisk
                            value={waybills[dossier.id] ?? ''}
                            onChange={(e) => {
                              const value = e.currentTarget.value;
                              setWaybills((old) => ({ ...old, [dossier.id]: value }));
                              if (value.trim()) setMissing((old) => old.filter((id) => id !== dossier.id));
                            }}
                            error={missing.includes(dossier.id) ? t('workspace.bulk.missingWaybill') : undefined}
                            disabled={running}
                          />
                        )}
                      </Stack>
                    )}
                  </DossierCard>
                );
              })}
            </Stack>
            {noneSelected && (
              <Alert color="red" variant="light" role="alert">
                <Text size="sm" c="dark.9">
                  {t('workspace.bulk.none')}
                </Text>
              </Alert>
            )}
            <Text size="sm">{t('workspace.bulk.selected', { count: selected.length })}</Text>
            <Button type="submit" loading={running} style={{ alignSelf: 'flex-start' }}>
              {t('workspace.bulk.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
