// Per-function bundle size (minified, gzipped) and cold import time (median of fresh processes).
import { bundleFunction, sizeOf } from './lib/bundle';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { root } from '../scripts/lib/env';
import { kb, median, ms } from './lib/stats';

const require = createRequire(import.meta.url);
const functionNames = (require('../infra/routes.cjs') as { functionNames(): string[] }).functionNames();
const out = resolve(root, 'bench/.out/bundles');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const RUNS = 15;
const rows: string[] = [];
for (const fn of functionNames) {
  const bundle = await bundleFunction(fn, resolve(out, fn));
  const file = bundle.entry;
  const loaded = sizeOf(bundle.loaded);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = execFileSync(process.execPath, ['-e', `const t=performance.now();import(${JSON.stringify(file)}).then(()=>console.log(performance.now()-t))`], {
      // A deployed stage, its secret given directly (no SSM call), as in cold-start.ts.
      env: { ...process.env, STAGE: 'prod', JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'ERROR' },
    });
    times.push(Number(t.toString().trim()));
  }
  rows.push(`| ${fn} | ${kb(loaded.bytes)} | ${kb(loaded.gzipped)} | ${kb(sizeOf(bundle.files).bytes)} | ${ms(median(times))} |`);
}

console.log(`## Function bundles

esbuild with serverless.yml's options (bundle, minify, ESM with code splitting, node22; the AWS SDK only in lazy chunks: S3, SSM, Lambda); \`loaded\` is the entry and the chunks it imports statically, \`all files\` adds the lazily imported chunks. Cold import: median of ${RUNS} fresh \`node\` processes importing the bundle.

| function | loaded | loaded, gzipped | all files | cold import (median) |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`);
