// The load generator of bench:lifecycle, run in its own process (forked by bench/lifecycle.ts) so that the
// client's HTTP work does not share the server's event loop. Receives a job over IPC, replies with counts and
// latencies.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../src/server/testing/http-client.ts';

/**
 * The timed requests go through node:http on kept-alive sockets, not fetch: fetch's stream layers cost the load
 * generator about 1 ms of CPU per request, CPU the server and PostgreSQL need on a machine they all share.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(base: URL, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: { id?: string; version?: number } | null }> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method,
        agent,
        headers: data === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text && response.headers['content-type']?.includes('json') ? JSON.parse(text) : null });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

export interface LoadJob {
  mode: 'lifecycle' | 'lookup';
  url: string;
  seconds: number;
  concurrency: number;
  procedureId: string;
  communeId: string;
  agencyCode: string;
  preloaded: number;
  /** Lookups only: requests per second sent on a fixed schedule (open loop) instead of by `concurrency` clients. */
  rate?: number;
}

export interface LoadResult {
  ok: number;
  failures: number;
  latencies: number[];
  elapsed: number;
  /** CPU ms this load generator used. */
  cpuMs: number;
}

const cpuStart = process.cpuUsage();
const cpuMs = () => {
  const used = process.cpuUsage(cpuStart);
  return (used.user + used.system) / 1000;
};

async function lifecycles(job: LoadJob): Promise<LoadResult> {
  const sign = async (username: string) => {
    const client = new TestClient(job.url);
    await client.login(username);
    return client;
  };
  const [desk, leader, handler, clerk] = await Promise.all(['demo.desk', 'demo.leader', 'demo.handler', 'demo.clerk'].map(sign));
  const handlerId = (await handler!.get('/api/auth/me')).body.id as string;
  const latencies: number[] = [];
  let ok = 0;
  let failures = 0;
  const base = new URL(job.url);
  const timed = async (client: TestClient, path: string, body: unknown) => {
    const start = performance.now();
    const response = await send(base, 'POST', path, { cookie: client.cookieHeader, 'x-csrf-token': client.csrfToken }, body);
    latencies.push(performance.now() - start);
    if (response.status >= 300) failures += 1;
    else ok += 1;
    return response.body;
  };
  const lifecycle = async () => {
    let d = await timed(desk!, '/api/dossiers', {
      requestId: randomUUID(),
      procedureId: job.procedureId,
      channel: 'in_person',
      receivingAgencyId: job.communeId,
      applicant: { name: 'Dữ liệu tổng hợp (bench)', phone: '0911222333' },
    });
    for (const [client, type, fields] of [
      [desk, 'forward', {}],
      [leader, 'assign', { assigneeId: handlerId }],
      [handler, 'forward', {}],
      [leader, 'approve', {}],
      [clerk, 'issue_result', { resultNumber: 'BENCH' }],
      [desk, 'return_result', { method: 'in_person' }],
    ] as const) {
      if (!d?.id) return;
      d = await timed(client!, `/api/dossiers/${d.id}/actions`, { type, requestId: randomUUID(), version: d.version, ...fields });
    }
  };
  const started = performance.now();
  const end = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < end) await lifecycle();
    }),
  );
  return { ok, failures, latencies, elapsed: (performance.now() - started) / 1000, cpuMs: cpuMs() };
}

/** Public lookups of preloaded dossiers (codes and phones follow the preload's formula). */
async function lookups(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failures = 0;
  const base = new URL(job.url);
  const lookupOne = async () => {
    const i = Math.floor(Math.random() * job.preloaded);
    const day = new Date(Date.UTC(2023, 0, 2) + Math.floor(i / 9000) * 86_400_000);
    const yymmdd = `${String(day.getUTCFullYear()).slice(2)}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
    const code = `${job.agencyCode}-${yymmdd}-${String((i % 9000) + 1).padStart(4, '0')}`;
    const start = performance.now();
    const response = await send(base, 'GET', `/api/track/${code}?phone=${String(i % 1_000_000).padStart(6, '0').slice(-4)}`, {});
    latencies.push(performance.now() - start);
    if (response.status === 200) ok += 1;
    else failures += 1;
  };
  const started = performance.now();
  const end = started + job.seconds * 1000;
  if (job.rate) {
    // Open loop: each request leaves at its scheduled time whether or not earlier ones have answered.
    const pending: Promise<void>[] = [];
    const interval = 1000 / job.rate;
    for (let n = 0; started + n * interval < end; n += 1) {
      const wait = started + n * interval - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(lookupOne());
    }
    await Promise.all(pending);
  } else {
    await Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        while (performance.now() < end) await lookupOne();
      }),
    );
  }
  return { ok, failures, latencies, elapsed: (performance.now() - started) / 1000, cpuMs: cpuMs() };
}

process.once('message', (job: LoadJob) => {
  (job.mode === 'lifecycle' ? lifecycles(job) : lookups(job)).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
