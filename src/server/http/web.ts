// Serves the web app built by Vite (dist/web): files as they are (pre-compressed .br/.gz when the browser accepts
// them), index.html for every other non-API path so the app's own router shows the page, and /api/site, the little
// the app needs to start (province, public address, the server's clock).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { vietnamToday, type Deps } from '../deps.ts';
import { listUnitsAsOf } from '../modules/units/units.queries.ts';

export const WEB_BUILD_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

// Vite puts content-hashed files under assets/: a new build gives new names, so they may be cached for a year.
const IMMUTABLE = 'public, max-age=31536000, immutable';

function setCacheHeaders(reply: FastifyReply, filePath: string, root: string) {
  const relative = path.relative(root, filePath).split(path.sep).join('/');
  if (relative.startsWith('assets/')) reply.header('cache-control', IMMUTABLE);
  else if (relative === 'index.html') reply.header('cache-control', 'no-cache');
  else reply.header('cache-control', 'public, max-age=3600');
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>motcua</title>
<p>Ứng dụng web chưa được build: chạy <code>npm run build:web</code> (hoặc <code>npm start</code>, tự build).</p>
<p lang="en">The web app has not been built: run <code>npm run build:web</code> (or <code>npm start</code>, which builds it).</p>
<p><a href="/api/docs">API</a></p></html>`;

/** Registers /api/site and the web app (or, when dist/web is missing, a page that says how to build it). */
export async function registerWeb(app: FastifyInstance, deps: Deps, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? WEB_BUILD_DIR;
  const provinceNames = new Map<string, string | null>();

  app.get(
    '/api/site',
    {
      schema: {
        tags: ['system'],
        summary: "What the web app needs to start: the province it serves, the public address and the server's clock",
        response: {
          200: Type.Object({
            provinceCode: Type.String(),
            provinceName: Type.Union([Type.String(), Type.Null()]),
            publicBaseUrl: Type.String(),
            now: Type.String({ description: "The server's clock (ISO-8601): the legal clock's “now”" }),
          }),
        },
      },
    },
    async () => {
      const today = vietnamToday(deps.clock);
      const code = deps.config.seedProvinceCode;
      if (!provinceNames.has(today)) {
        const province = (await listUnitsAsOf(deps.db, today)).find((unit) => unit.code === code);
        provinceNames.clear();
        provinceNames.set(today, province?.fullName ?? null);
      }
      return {
        provinceCode: code,
        provinceName: provinceNames.get(today) ?? null,
        publicBaseUrl: deps.config.publicBaseUrl,
        now: deps.clock.now().toISOString(),
      };
    },
  );

  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, filePath: string) => setCacheHeaders(reply, filePath, root),
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith('/api/')) return reply.callNotFound();
    if (!existsSync(path.join(root, 'index.html'))) {
      return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT_PAGE);
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return reply.callNotFound();
    }
    const segments = relative.split('/');
    // No dot files (the build manifest and stamp), no way out of the folder.
    if (segments.some((segment) => segment.startsWith('.') || segment.includes('\\'))) return reply.callNotFound();
    if (relative !== '' && (await stat(path.join(root, relative)).then((s) => s.isFile(), () => false))) {
      return reply.sendFile(relative);
    }
    // A missing file (a name with an extension) is a 404; any other path is a page of the app.
    if (path.extname(segments.at(-1) ?? '') !== '') return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
