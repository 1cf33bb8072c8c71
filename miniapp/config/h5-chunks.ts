import type { Plugin } from 'vite';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
/** Taro's heavy components only member pages draw (see src/ui/taro): each in its own chunk. */
const TARO_HEAVY = /@tarojs[\\/]components[\\/]dist[\\/]components[\\/](?:taro-)?(video|picker|rich-text)[-.]/;

/**
 * Splits the H5 build by route. Taro's own rule puts every node_modules module in one `vendors` chunk
 * that every page loads — hls.js (which Taro's Video loads lazily), NutUI pickers, the components only
 * member pages draw — and everything imported twice in one `common` chunk. Here `vendors` holds only the
 * libraries the app shell itself needs (what the entry imports statically: React, Taro's runtime, router
 * and APIs); every other module goes where Rollup's own splitting puts it — the page chunk that needs it,
 * or a chunk shared by exactly the pages that need it — so a public page never downloads member or
 * secretary code. Images over 4 KB become files instead of base64 inside the JS.
 */
export function h5Chunks(): Plugin {
  let shell: Set<string> | null = null;
  return {
    name: 'kaimen:h5-chunks',
    apply: 'build',
    enforce: 'post',
    config: (config) => {
      if (process.env.TARO_ENV !== 'h5') return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      output.manualChunks = (id, { getModuleInfo, getModuleIds }) => {
        if (!shell) {
          // Modules the entry reaches through static imports only: loaded on every page anyway.
          shell = new Set();
          const queue = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry);
          while (queue.length) {
            const m = queue.pop()!;
            if (shell.has(m)) continue;
            shell.add(m);
            queue.push(...(getModuleInfo(m)?.importedIds ?? []));
          }
        }
        // Reachable through Taro's barrel, they would be pulled into vendors with it: named apart, they
        // load with the pages that draw them.
        const heavy = TARO_HEAVY.exec(id);
        if (heavy) return `taro-${heavy[1]}`;
        const library = NODE_MODULES.test(id) || id.includes('commonjsHelpers');
        return library && shell.has(id) ? 'vendors' : undefined;
      };
      config.build!.assetsInlineLimit = 4096;
      // Merges the smallest shared chunks (a few hundred bytes each) into their neighbours: fewer requests.
      output.experimentalMinChunkSize = 4096;
    },
  };
}
