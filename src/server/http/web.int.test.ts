// The web app as the server delivers it: pages fall back to index.html, hashed assets are cached for a year and
// sent pre-compressed, API and missing files stay 404s, and a missing build says how to make one.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { createApp } from '../app.ts';
import { createTestContext, type TestContext } from '../testing/test-deps.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerWeb } from './web.ts';

const INDEX = '<!doctype html><html lang="vi"><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

async function webApp(ctx: TestContext, root: string) {
  const app = Fastify();
  registerErrorHandler(app);
  await registerWeb(app, ctx.deps, { root });
  return app;
}

describe('web app delivery', () => {
  let ctx: TestContext;
  let root: string;

  before(async () => {
    ctx = await createTestContext();
    root = await mkdtemp(path.join(tmpdir(), 'motcua-web-'));
    await mkdir(path.join(root, 'assets'));
    await mkdir(path.join(root, '.vite'));
    await writeFile(path.join(root, 'index.html'), INDEX);
    await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(root, 'assets', 'index-abc123.js'), SCRIPT);
    await writeFile(path.join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(path.join(root, '.vite', 'manifest.json'), '{}');
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
    await ctx.close();
  });

  it('answers every page of the app with index.html, never cached', async () => {
    const app = await webApp(ctx, root);
    for (const url of ['/', '/thu-tuc', '/thu-tuc/5d0c1a8e-0000-4000-8000-000000000000', '/tra-cuu?ma=000.00.00.H26-261123-0001']) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers['content-type']), /^text\/html/, url);
      assert.equal(response.headers['cache-control'], 'no-cache', url);
      assert.equal(response.body, INDEX, url);
    }
    await app.close();
  });

  it('sends hashed assets pre-compressed and cacheable for a year', async () => {
    const app = await webApp(ctx, root);
    const compressed = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(compressed.statusCode, 200);
    assert.equal(compressed.headers['content-encoding'], 'br');
    assert.equal(compressed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(compressed.headers.vary), /accept-encoding/i);
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    assert.equal(plain.body, SCRIPT);
    const favicon = await app.inject({ url: '/favicon.svg' });
    assert.equal(favicon.headers['cache-control'], 'public, max-age=3600');
    await app.close();
  });

  it('keeps API paths, missing files, dot files and paths out of the folder as 404s', async () => {
    const app = await webApp(ctx, root);
    for (const url of ['/api/nothing-here', '/api', '/assets/index-old.js', '/.vite/manifest.json', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /application\/json/, url);
    }
    await app.close();
  });

  it('says how to build the web app when there is no build', async () => {
    const app = await webApp(ctx, path.join(root, 'no-build-here'));
    const response = await app.inject({ url: '/thu-tuc' });
    assert.equal(response.statusCode, 503);
    assert.match(response.body, /npm run build:web/);
    assert.equal((await app.inject({ url: '/api/site' })).statusCode, 200);
    await app.close();
  });

  it('tells the app its province, public address and the server clock', async () => {
    const app = await webApp(ctx, root);
    const site = (await app.inject({ url: '/api/site' })).json();
    assert.equal(site.provinceCode, ctx.deps.config.seedProvinceCode);
    assert.equal(site.publicBaseUrl, ctx.deps.config.publicBaseUrl);
    assert.equal(site.now, ctx.deps.clock.now().toISOString());
    await app.close();
  });

  it('builds the OpenAPI document of the whole app', async () => {
    const app = await createApp(ctx.deps);
    const response = await app.inject({ url: '/api/docs/json' });
    assert.equal(response.statusCode, 200, response.body);
    const document = response.json();
    assert.ok(document.paths['/api/site']);
    assert.ok(document.paths['/api/procedures']);
    assert.equal(document.paths['/*'], undefined);
    await app.close();
  });
});
