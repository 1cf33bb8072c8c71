import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * With H5_BUNDLE_STATS=<file>, writes which modules ended up in which chunk (rendered bytes after
 * tree-shaking, before minification; `gzip`: that code gzipped alone, to rank modules by) and what each chunk imports — what bench/phone-network.ts lists.
 */
export function bundleStats(): Plugin {
  const out = process.env.H5_BUNDLE_STATS;
  return {
    name: 'kaimen:bundle-stats',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (!out) return;
      const chunks = Object.values(bundle).flatMap((item) => item.type !== 'chunk' ? [] : [{
        file: item.fileName,
        name: item.name,
        isEntry: item.isEntry,
        imports: item.imports,
        dynamicImports: item.dynamicImports,
        css: [...(item.viteMetadata?.importedCss ?? [])],
        modules: Object.entries(item.modules)
          .map(([id, m]) => ({ id, bytes: m.renderedLength, gzip: m.code ? gzipSync(m.code).length : 0 }))
          .sort((a, b) => b.bytes - a.bytes),
      }]);
      writeFileSync(out, JSON.stringify({ chunks }, null, 1));
    },
  };
}
