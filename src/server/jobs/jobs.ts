// Scheduled and queued work in PostgreSQL (pg-boss), on both engines: on PGlite through the embedded session.
import PgBoss from 'pg-boss';
import type { Deps } from '../deps.ts';
import { closeUnsupplementedDossiers } from '../modules/dossiers/close-unsupplemented.ts';

export const JOBS = {
  closeUnsupplemented: 'dossiers.close-unsupplemented',
} as const;

/** Starts pg-boss, schedules the periodic jobs (Vietnam time) and registers their workers. */
export async function startJobs(deps: Deps, options: { pollingIntervalSeconds?: number } = {}) {
  const boss = new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => deps.database.executeSql(text, values) } as never, schema: 'pgboss' });
  boss.on('error', (error: unknown) => deps.log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(JOBS.closeUnsupplemented);
  await boss.schedule(JOBS.closeUnsupplemented, '*/15 * * * *', {}, { tz: 'Asia/Ho_Chi_Minh' });
  await boss.work(JOBS.closeUnsupplemented, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async () => {
    const closed = await closeUnsupplementedDossiers(deps);
    if (closed > 0) deps.log.info({ closed }, 'closed unsupplemented dossiers');
  });
  return { boss, stop: () => boss.stop({ graceful: true, wait: true }) };
}
