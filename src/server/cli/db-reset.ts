// npm run db:reset: drops every table and re-creates the empty schema; the next start seeds again.
import { sql } from 'drizzle-orm';
import { runCommand } from './run-command.ts';

runCommand(
  async (deps, args) => {
    if (deps.config.nodeEnv === 'production' && !args.includes('--yes')) {
      throw new Error('Refusing to reset a production database without --yes.');
    }
    await deps.db.execute(
      sql.raw('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;'),
    );
    await deps.database.migrate();
    process.stdout.write(`Database reset (${deps.database.engine}); the next start seeds it again.\n`);
  },
  { migrate: false },
);
