// npm run db:migrate: applies pending migrations (the server also does this at start-up).
import { runCommand } from './run-command.ts';

runCommand(async () => {
  process.stdout.write('Migrations are up to date.\n');
});
