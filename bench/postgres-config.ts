// The configuration of a bench that measures on PostgreSQL: exits with a clear message when DATABASE_URL is not set.
import { loadConfig, type Config } from '../src/server/config.ts';

export function postgresConfigOrExit(script: string): Config & { databaseUrl: string } {
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error(`${script} needs PostgreSQL: run \`npm run ${script}\` (throwaway server) or set DATABASE_URL.`);
    process.exit(2);
  }
  return config as Config & { databaseUrl: string };
}
