import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigError } from './config.ts';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.host, '127.0.0.1');
  });

  it('honours PORT, DATA_DIR and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/motcua', DATABASE_URL: 'postgres://u@h/db' });
    assert.deepEqual(
      [config.port, config.dataDir, config.databaseUrl],
      [8080, '/tmp/motcua', 'postgres://u@h/db'],
    );
  });

  it('lists every problem at once', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          NODE_ENV: 'staging',
          DATABASE_URL: 'mysql://x',
          SEED_ON_START: 'maybe',
        }),
      (error: ConfigError) => {
        assert.equal(error.problems.length, 4);
        assert.match(error.message, /PORT must be a whole number/);
        return true;
      },
    );
  });

  it('keeps uploads in DATA_DIR/files, 20 MiB at most, with a development-only DVCQG partner token', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/motcua' });
    assert.deepEqual(config.fileStore, { kind: 'disk', dir: '/tmp/motcua/files' });
    assert.equal(config.uploadMaxBytes, 20 * 1024 * 1024);
    assert.equal(config.dvcqgInboundToken, 'motcua-dev-dvcqg');
    assert.equal(loadConfig({ NODE_ENV: 'production' }).dvcqgInboundToken, undefined, 'no default in production: the endpoint is disabled');
    assert.equal(loadConfig({ UPLOAD_MAX_BYTES: '1048576' }).uploadMaxBytes, 1048576);
  });

  it('refuses an unknown file store, a bad upload limit and a short production partner token', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', FILE_STORE: 's3', UPLOAD_MAX_BYTES: '0', DVCQG_INBOUND_TOKEN: 'short' }),
      (error: ConfigError) => {
        assert.deepEqual(error.problems.map((p) => p.split(' ')[0]), ['DVCQG_INBOUND_TOKEN', 'FILE_STORE', 'UPLOAD_MAX_BYTES']);
        return true;
      },
    );
  });
});
