// npm run bench:web — the JavaScript a visitor downloads before the public portal's first page shows (the entry
// chunk and every chunk it imports statically), compressed with gzip and brotli, against the 250 kB ceiling of
// issue #5; then each chunk loaded on demand (officer workspace, administration). Reads Vite's manifest of the
// build in dist/web, rebuilt first if the sources changed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ensureWebBuild, WEB_BUILD_DIR } from '../scripts/build-web.ts';

/** 250 kB of compressed JavaScript on first load (kB = 1,000 bytes), measured with gzip, the larger of the two. */
export const FIRST_LOAD_CEILING_BYTES = 250_000;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BundleReport {
  firstLoad: { files: string[]; js: Sizes; css: Sizes };
  lazy: { name: string; files: string[]; js: Sizes }[];
}

async function sizesOf(files: string[]): Promise<Sizes> {
  const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const content = await readFile(path.join(WEB_BUILD_DIR, file));
    total.raw += content.length;
    total.gzip += gzipSync(content, { level: 9 }).length;
    total.brotli += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

/** The chunk keys a chunk needs before it runs: itself and its static imports, recursively. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/** Measures the current build (building it first when stale). */
export async function measureWebBundle(): Promise<BundleReport> {
  await ensureWebBuild();
  const manifest = JSON.parse(await readFile(path.join(WEB_BUILD_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('The Vite manifest has no entry chunk');
  const firstKeys = staticClosure(manifest, entry);
  const fileOf = (key: string) => (manifest[key] as ManifestChunk).file;
  const firstFiles = [...firstKeys].map(fileOf);
  const cssFiles = [...new Set([...firstKeys].flatMap((key) => manifest[key]?.css ?? []))];
  const lazy = await Promise.all(
    Object.keys(manifest)
      .filter((key) => manifest[key]?.isDynamicEntry)
      .map(async (key) => {
        const files = [...staticClosure(manifest, key)].filter((k) => !firstKeys.has(k)).map(fileOf);
        return { name: manifest[key]?.src ?? key, files, js: await sizesOf(files) };
      }),
  );
  return { firstLoad: { files: firstFiles, js: await sizesOf(firstFiles), css: await sizesOf(cssFiles) }, lazy };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(7)} kB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await measureWebBundle();
  const { js, css, files } = report.firstLoad;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('Public portal, first load (entry + static imports):');
  out(`  JavaScript  ${kB(js.raw)} raw  ${kB(js.gzip)} gzip  ${kB(js.brotli)} brotli   (${files.length} file${files.length === 1 ? '' : 's'})`);
  out(`  CSS         ${kB(css.raw)} raw  ${kB(css.gzip)} gzip  ${kB(css.brotli)} brotli`);
  out(`  ceiling     ${kB(FIRST_LOAD_CEILING_BYTES)} of compressed JavaScript (gzip): ${((js.gzip / FIRST_LOAD_CEILING_BYTES) * 100).toFixed(0)} % used, ratio ${(js.gzip / FIRST_LOAD_CEILING_BYTES).toFixed(2)}`);
  out('Loaded on demand (beyond the first load):');
  for (const chunk of report.lazy) out(`  ${chunk.name.padEnd(44)} ${kB(chunk.js.raw)} raw  ${kB(chunk.js.gzip)} gzip  ${kB(chunk.js.brotli)} brotli`);
  if (js.gzip > FIRST_LOAD_CEILING_BYTES) {
    out('OVER BUDGET: the first load exceeds the ceiling.');
    process.exitCode = 1;
  }
}
