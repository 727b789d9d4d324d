// The only reader of process.env: parses the environment once, fails fast with every problem listed.
import path from 'node:path';

export type DeploymentEnv = 'development' | 'test' | 'production';

/** Where uploaded files are kept. Only `disk` exists; an object store would add its own kind here. */
export type FileStoreConfig = { kind: 'disk'; dir: string };

export interface Config {
  nodeEnv: DeploymentEnv;
  host: string;
  port: number;
  /** Folder of the embedded database (PGlite) and of uploaded files. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl: string | undefined;
  /** Folder with the real public data the first start seeds from. */
  seedDir: string;
  /** Seed units, agencies and procedures on first start. */
  seedOnStart: boolean;
  /** Province whose agencies are seeded (statistics-office code). */
  seedProvinceCode: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Maximum connections of the PostgreSQL pool. */
  databasePoolSize: number;
  /**
   * Prepare each parameterised statement once per PostgreSQL connection and reuse it (DATABASE_PREPARED_STATEMENTS,
   * default true): PostgreSQL then skips parsing and planning, a third of its CPU on the hot paths. Turn off behind
   * a transaction-mode pooler that cannot keep prepared statements (PgBouncer before 1.21).
   */
  databasePreparedStatements: boolean;
  /**
   * Bearer token of the administration API until officer accounts and roles exist (issue #4).
   * Development default: "motcua-dev-admin"; production: required, at least 32 characters.
   */
  adminApiToken: string | undefined;
  /** Public address of the portal, printed in the QR code of the forms (tracking link). */
  publicBaseUrl: string;
  /** Run the scheduled jobs in this process (one process on the embedded database; worker processes in production). */
  jobsEnabled: boolean;
  /** The file store of uploads (FILE_STORE; disk: DATA_DIR/files). */
  fileStore: FileStoreConfig;
  /** Largest accepted upload, in bytes (UPLOAD_MAX_BYTES, default 20 MiB). */
  uploadMaxBytes: number;
  /**
   * Bearer token the national portal (DVCQG) sends to POST /api/integration/dvcqg/dossiers.
   * Development default: "motcua-dev-dvcqg"; production: at least 32 characters, unset = the endpoint is disabled.
   */
  dvcqgInboundToken: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Parses the given environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, test or production (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = nodeEnvRaw as DeploymentEnv;

  const readInt = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const readBool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')) as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const seedProvinceCode = env.SEED_PROVINCE_CODE ?? '01';
  if (!/^\d{2}$/.test(seedProvinceCode))
    problems.push('SEED_PROVINCE_CODE must be a two-digit province code');

  let adminApiToken = env.ADMIN_API_TOKEN || undefined;
  if (nodeEnv === 'production') {
    if (adminApiToken && adminApiToken.length < 32) problems.push('ADMIN_API_TOKEN must have at least 32 characters in production');
  } else {
    adminApiToken ??= 'motcua-dev-admin';
  }

  let dvcqgInboundToken = env.DVCQG_INBOUND_TOKEN || undefined;
  if (nodeEnv === 'production') {
    if (dvcqgInboundToken && dvcqgInboundToken.length < 32) problems.push('DVCQG_INBOUND_TOKEN must have at least 32 characters in production');
  } else {
    dvcqgInboundToken ??= 'motcua-dev-dvcqg';
  }
  const fileStoreKind = env.FILE_STORE || 'disk';
  if (fileStoreKind !== 'disk') problems.push(`FILE_STORE must be disk (got "${fileStoreKind}")`);
  const dataDir = path.resolve(env.DATA_DIR || './data');

  const config: Config = {
    nodeEnv,
    host: env.HOST ?? (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    port: readInt('PORT', 3000, 0, 65535),
    dataDir,
    databaseUrl,
    seedDir: path.resolve(env.SEED_DIR || './seed'),
    seedOnStart: readBool('SEED_ON_START', true),
    seedProvinceCode,
    logLevel,
    databasePoolSize: readInt('DATABASE_POOL_SIZE', 10, 1, 500),
    databasePreparedStatements: readBool('DATABASE_PREPARED_STATEMENTS', true),
    adminApiToken,
    publicBaseUrl: '',
    jobsEnabled: readBool('JOBS_ENABLED', true),
    fileStore: { kind: 'disk', dir: path.join(dataDir, 'files') },
    uploadMaxBytes: readInt('UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    dvcqgInboundToken,
  };
  config.publicBaseUrl = (env.PUBLIC_BASE_URL || `http://localhost:${config.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(config.publicBaseUrl)) problems.push('PUBLIC_BASE_URL must start with http:// or https://');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
