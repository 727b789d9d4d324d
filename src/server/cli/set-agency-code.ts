// npm run agency:set-code -- <agency id> <code>: enters an agency's official electronic code.
import { setAgencyCode } from '../modules/agencies/set-agency-code.ts';
import { runCommand } from './run-command.ts';

runCommand(async (deps, args) => {
  const [id, code] = args;
  if (!id || !code) throw new Error('Usage: npm run agency:set-code -- <agency id> <code>');
  const agency = await setAgencyCode(deps.db, { id, code });
  process.stdout.write(`${agency?.name}: ${agency?.code}\n`);
});
