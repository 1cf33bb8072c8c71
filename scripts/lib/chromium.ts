import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

/** Debian's Chromium (or CHROMIUM_PATH); a missing browser is a clear failure, never a skip. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests need Debian's Chromium: ` +
        'run `apt-get update && apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).',
    );
  }
  return path;
}
