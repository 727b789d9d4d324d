// Entry point of `npm start`: migrate, seed on first start, serve HTTP, print the URL.
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedCatalogue } from './db/seed.ts';
import { createDeps } from './deps.ts';
import { createProgress } from './progress.ts';
import { startJobs } from './jobs/jobs.ts';
import { assertNoDemoAccounts, confirmDemoCalendars, seedDemoAccounts } from './modules/accounts/seed-demo-accounts.ts';
import { vietnamToday } from './deps.ts';

async function main() {
  const config = loadConfig();
  const deps = await createDeps(config);
  const startedAt = Date.now();
  await deps.database.migrate();
  if (config.seedOnStart) {
    const result = await seedCatalogue(deps, createProgress(process.stdout));
    if (result.seeded) deps.log.info({ seconds: (Date.now() - startedAt) / 1000 }, 'first-start seed finished');
    if (config.nodeEnv !== 'production') {
      await seedDemoAccounts(deps);
      const year = Number(vietnamToday(deps.clock).slice(0, 4));
      await confirmDemoCalendars(deps, config.seedProvinceCode, [year, year + 1, year + 2, year + 3]);
    }
  }
  if (config.nodeEnv === 'production') await assertNoDemoAccounts(deps);
  const app = await createApp(deps);
  const jobs = config.jobsEnabled ? await startJobs(deps) : undefined;
  const shutdown = async (signal: string) => {
    deps.log.info({ signal }, 'shutting down');
    await jobs?.stop();
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const engine =
    deps.database.engine === 'pglite'
      ? `embedded PostgreSQL in ${config.dataDir}`
      : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    `\nmotcua is ready (${engine}), started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n` +
      `  Portal:   http://${shownHost}:${port}/\n  API docs: http://${shownHost}:${port}/api/docs\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `motcua failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
