import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../scripts/lib/chromium';
import { startBrowserStack, type BrowserStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    h5Url: string;
    adminUrl: string;
    apiUrl: string;
    chromium: string;
  }
}

/**
 * The browser tests' stack (./stack.ts). `npm test` starts the stacks ahead, while the integration
 * tests run, and names the one this run uses in E2E_STACK_FILE (written by scripts/e2e-stack.ts);
 * otherwise the run starts its own and stops it at the end.
 */
export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  const file = process.env.E2E_STACK_FILE;
  const stack: BrowserStack & { stop?: () => Promise<void> } = file
    ? (JSON.parse(readFileSync(file, 'utf8')) as BrowserStack)
    : await startBrowserStack();
  // Tests that check the table directly find it where the functions do.
  Object.assign(process.env, stack.env);
  project.provide('h5Url', stack.h5Url);
  project.provide('adminUrl', stack.adminUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('chromium', chromium);
  console.log(file ? `browser tests on the stack started ahead (${stack.timing})` : stack.timing);
  return async () => {
    await stack.stop?.();
  };
}
