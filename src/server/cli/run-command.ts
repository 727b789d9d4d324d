// Shared wrapper for `npm run …` commands: config, database, clean exit codes and readable errors.
import { ConfigError, loadConfig } from '../config.ts';
import { createDeps, type Deps } from '../deps.ts';
import { AppError } from '../errors.ts';

/** Runs `task` with deps (migrated database) and exits 0, or prints the error and exits 1. */
export function runCommand(
  task: (deps: Deps, args: string[]) => Promise<void>,
  options: { migrate?: boolean } = {},
): void {
  const run = async () => {
    const config = loadConfig();
    const deps = await createDeps({
      ...config,
      logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    });
    try {
      if (options.migrate !== false) await deps.database.migrate();
      await task(deps, process.argv.slice(2));
    } finally {
      await deps.database.close();
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
      else if (error instanceof AppError)
        process.stderr.write(`${error.code}: ${error.message}\n${error.messageEn}\n`);
      else
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** Prints the issues of an import, grouped, with file and line, at most `limit` of them. */
export function printIssues(
  issues: { file: string; line: number | null; severity: string; reason: string }[],
  limit = 50,
): void {
  for (const issue of issues.slice(0, limit)) {
    process.stdout.write(
      `  ${issue.severity.toUpperCase()} ${issue.file}${issue.line !== null ? `:${issue.line}` : ''}: ${issue.reason}\n`,
    );
  }
  if (issues.length > limit)
    process.stdout.write(`  … and ${issues.length - limit} more (table import_issues)\n`);
}
