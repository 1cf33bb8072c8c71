import { resolve } from 'node:path';
import { build } from 'esbuild';
import { root } from '../../scripts/lib/env';

/** Bundles one function to `outfile` with the options serverless.yml gives serverless-esbuild. */
export async function bundleFunction(fn: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [resolve(root, `functions/src/${fn}/index.ts`)], outfile, bundle: true, minify: true,
    platform: 'node', target: 'node22', format: 'esm', mainFields: ['module', 'main'], logLevel: 'error',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}
