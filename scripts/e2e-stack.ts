// A browser-test stack kept running for `npm test` (scripts/test.ts starts it ahead of the browser
// tests): `tsx scripts/e2e-stack.ts <file>` starts it, writes its URLs to <file> once it answers, and
// stops it on SIGTERM or SIGINT.
import { renameSync, writeFileSync } from 'node:fs';
import { startBrowserStack } from '../e2e/support/stack';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/e2e-stack.ts <file>');
const { stop, ...stack } = await startBrowserStack();
// Written whole, then renamed: a reader never sees half a file.
writeFileSync(`${file}.tmp`, JSON.stringify(stack));
renameSync(`${file}.tmp`, file);
console.log(stack.timing);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void stop().finally(() => process.exit(0));
  });
}
