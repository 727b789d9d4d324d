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
});
