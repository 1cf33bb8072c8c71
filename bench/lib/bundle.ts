import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { root } from '../../scripts/lib/env';

const esbuildPlugins = createRequire(import.meta.url)('../../infra/esbuild-plugins.cjs') as Plugin[];

export interface Bundle {
  /** The function's entry module (`index.mjs`), what Lambda imports. */
  entry: string;
  /** The entry and every chunk it imports statically: what a cold start reads and compiles. */
  loaded: string[];
  /** Every file of the bundle, lazy chunks (spreadsheets, S3, SSM, sanitising…) included. */
  files: string[];
}

/**
 * Bundles one function into `outdir` with the options serverless.yml gives serverless-esbuild:
 * ESM with code splitting, so what a route imports lazily is a chunk of its own.
 */
export async function bundleFunction(fn: string, outdir: string): Promise<Bundle> {
  const { metafile } = await build({
    entryPoints: [resolve(root, `functions/src/${fn}/index.ts`)], outdir, outExtension: { '.js': '.mjs' }, bundle: true, minify: true, splitting: true,
    platform: 'node', target: 'node22', format: 'esm', mainFields: ['module', 'main'], logLevel: 'error', metafile: true, absWorkingDir: root, external: ['@node-rs/jieba'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: esbuildPlugins,
  });
  const outputs = metafile.outputs;
  const abs = (p: string) => resolve(root, p);
  const entryKey = Object.keys(outputs).find((k) => abs(k) === resolve(outdir, 'index.mjs'))!;
  const loaded = new Set<string>();
  const stack = [entryKey];
  while (stack.length) {
    const key = stack.pop()!;
    if (loaded.has(key)) continue;
    loaded.add(key);
    for (const i of outputs[key]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) stack.push(i.path);
  }
  return { entry: abs(entryKey), loaded: [...loaded].map(abs), files: Object.keys(outputs).map(abs) };
}

/** Bytes of these files, and gzipped one by one. */
export function sizeOf(files: string[]): { bytes: number; gzipped: number } {
  let bytes = 0;
  let gzipped = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    gzipped += gzipSync(b).length;
  }
  return { bytes, gzipped };
}
