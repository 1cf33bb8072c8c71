import type { STATUS_CODES as StatusCodes } from 'node:http';

// @middy/util imports STATUS_CODES from node:http for its error messages. As an ES module import, node:http
// costs ~8 ms at every cold start, and ~45 ms on Node 22 (Lambda's runtime), where building the module's
// namespace loads undici for its WebSocket export. esbuild points that one import here
// (infra/esbuild-plugins.cjs): node:http is then loaded, as a plain module, when middy first names a status.
let codes: typeof StatusCodes | undefined;
export const STATUS_CODES: typeof StatusCodes = new Proxy({}, {
  get: (_, code) => (codes ??= process.getBuiltinModule('node:http').STATUS_CODES)[code as string],
});
