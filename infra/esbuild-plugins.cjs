'use strict';
// esbuild plugins for the functions' bundles: serverless-esbuild (`custom.esbuild.plugins`), the offline
// one-build (infra/offline-one-build.cjs) and the benchmarks (bench/lib/bundle.ts) all use this list.
const path = require('node:path');

/** @middy/util's `import { STATUS_CODES } from "node:http"`, served lazily: see functions/src/lib/node-http-status.ts. */
const middyStatusCodes = {
  name: 'kaimen-middy-status-codes',
  setup(build) {
    const shim = path.join(__dirname, '../functions/src/lib/node-http-status.ts');
    build.onResolve({ filter: /^node:http$/ }, (args) => (/[\\/]@middy[\\/]util[\\/]/.test(args.importer) ? { path: shim } : undefined));
  },
};

module.exports = [middyStatusCodes];
