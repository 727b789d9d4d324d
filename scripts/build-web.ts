// Builds the web app (src/web → dist/web) with Vite, or only when its inputs changed (`--if-stale`, used by
// `npm start` and the browser tests). The inputs' hash is kept in dist/web/.build-info.json; a lock folder keeps
// two processes from building at once, and the new build replaces the old one only when complete.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type * as Vite from 'vite';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const WEB_BUILD_DIR = path.join(REPO, 'dist', 'web');
const INFO_FILE = path.join(WEB_BUILD_DIR, '.build-info.json');
const LOCK_DIR = path.join(REPO, 'dist', '.web-build.lock');
const INPUT_DIRS = ['src/web', 'src/shared'];
const INPUT_FILES = ['vite.config.ts', 'package-lock.json'];
const STALE_LOCK_MS = 5 * 60_000;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return Promise.resolve(entry.name.endsWith('.test.ts') ? [] : [full]);
    }),
  );
  return nested.flat();
}

/** A hash of everything the build reads: the web and shared sources, the Vite config and the locked packages. */
export async function hashWebInputs(): Promise<string> {
  const files = [
    ...(await Promise.all(INPUT_DIRS.map((dir) => listFiles(path.join(REPO, dir))))).flat(),
    ...INPUT_FILES.map((file) => path.join(REPO, file)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(REPO, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function builtHash(): Promise<string | undefined> {
  if (!existsSync(path.join(WEB_BUILD_DIR, 'index.html'))) return undefined;
  try {
    return (JSON.parse(await readFile(INFO_FILE, 'utf8')) as { inputsHash?: string }).inputsHash;
  } catch {
    return undefined;
  }
}

async function acquireLock(): Promise<() => Promise<void>> {
  await mkdir(path.dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      return () => rm(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = await stat(LOCK_DIR).then((s) => Date.now() - s.mtimeMs, () => 0);
      // A build takes seconds: a lock this old was left by a killed process.
      if (since > STALE_LOCK_MS) await rm(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function runVite(outDir: string): Promise<void> {
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    throw new Error('Vite is not installed (dev dependencies omitted?): run `npm ci`, or build the web with `npm run build:web` before pruning.');
  }
  await vite.build({
    configFile: path.join(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
  });
}

/** Writes .br and .gz beside each text file, so the server sends them as they are (no compression per request). */
async function precompress(dir: string): Promise<void> {
  const files = (await listFiles(dir)).filter((file) => COMPRESSIBLE.test(file) && !file.includes(`${path.sep}.`));
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      if (content.length < 1024) return;
      const [br, gz] = await Promise.all([
        brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        gzipAsync(content, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    }),
  );
}

export interface WebBuildResult {
  built: boolean;
  seconds: number;
}

/**
 * Makes dist/web match the sources: builds when forced, missing or stale; otherwise does nothing.
 * Without Vite (production installs without dev dependencies) an existing build is kept with a warning.
 */
export async function ensureWebBuild(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<WebBuildResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const inputsHash = await hashWebInputs();
  if (!options.force && (await builtHash()) === inputsHash) return { built: false, seconds: 0 };
  const release = await acquireLock();
  try {
    // Another process may have built it while this one waited for the lock.
    if (!options.force && (await builtHash()) === inputsHash) return { built: false, seconds: 0 };
    const staging = `${WEB_BUILD_DIR}.build-${process.pid}`;
    const previous = `${WEB_BUILD_DIR}.old-${process.pid}`;
    log(existsSync(WEB_BUILD_DIR) ? 'Web app sources changed: building dist/web…' : 'Building the web app into dist/web…');
    try {
      await runVite(staging);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if (!options.force && existsSync(path.join(WEB_BUILD_DIR, 'index.html')) && String(error).includes('Vite is not installed')) {
        log('Warning: the web app build is older than its sources and Vite is not installed; serving the old build.');
        return { built: false, seconds: 0 };
      }
      throw error;
    }
    await precompress(staging);
    await writeFile(path.join(staging, '.build-info.json'), `${JSON.stringify({ inputsHash, builtAt: new Date().toISOString() })}\n`);
    if (existsSync(WEB_BUILD_DIR)) await rename(WEB_BUILD_DIR, previous);
    await rename(staging, WEB_BUILD_DIR);
    await rm(previous, { recursive: true, force: true });
    const seconds = (Date.now() - started) / 1000;
    log(`Web app built in ${seconds.toFixed(1)} s.`);
    return { built: true, seconds };
  } finally {
    await release();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale');
  ensureWebBuild({ force: !ifStale, log: (line) => process.stdout.write(`${line}\n`) }).catch((error: unknown) => {
    process.stderr.write(`Building the web app failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
