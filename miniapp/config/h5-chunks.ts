import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rollup';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
const TARO_COMPONENT = String.raw`@tarojs[\\/]components[\\/]dist[\\/]components[\\/](?:taro-)?`;
const TARO_API = String.raw`@tarojs[\\/]taro-h5[\\/]dist[\\/]api[\\/]`;
/**
 * Taro's components and APIs that no public page uses, each group in a chunk of its own. Taro's barrels
 * (one module re-exporting every component, one every API) are reachable from the entry, so without a
 * group of their own these would all ride in `vendors`, which every page loads.
 */
const TARO_GROUPS: [name: string, test: RegExp][] = [
  ['taro-video', new RegExp(`${TARO_COMPONENT}video[-.]`)],
  ['taro-picker', new RegExp(`${TARO_COMPONENT}picker[-.]`)],
  ['taro-rich-text', new RegExp(`${TARO_COMPONENT}rich-text[-.]`)],
  // Photos and system info (platform.js, a user-agent parser, alone ~12 KB gzipped): member pages only.
  ['taro-media', new RegExp(`${TARO_API}(?:media|base[\\\\/]system)[\\\\/.]|[\\\\/]node_modules[\\\\/]platform[\\\\/]`)],
  // Taro.request and its fetch/AbortController/JSONP polyfills: H5 calls the API with fetch (src/api/transport.h5.ts).
  ['taro-request', new RegExp(`${TARO_API}network[\\\\/]request[\\\\/]|[\\\\/]node_modules[\\\\/](?:whatwg-fetch|abortcontroller-polyfill|jsonp-retry)[\\\\/]`)],
];
const APP_CONFIG = /[\\/]src[\\/]app\.config\.[jt]s/;
/**
 * The page a QR poster at a service window opens: what it needs beyond the shell is one chunk, `public`
 * (and the page's own), instead of ~20 small shared chunks each asked for at the phone network's round trip.
 */
const PUBLIC_PAGE = /[\\/]src[\\/]pages[\\/]feedback[\\/]campaign\.tsx$/;
/**
 * The first API answer a page waits for, asked for by index.html as soon as it is parsed (path parameters
 * from the page's query), while the shell downloads: src/api/transport.h5.ts takes it instead of asking
 * again. Public GET routes only: it is asked without the session's token. The campaign page waits for its
 * campaign (route `getCampaign` of @kaimen/shared/feedback/routes).
 */
const PREFETCH: Record<string, string> = { 'pages/feedback/campaign': '/campaigns/{id}' };
/** Vite's helper behind every dynamic import: the entry needs it, so it must not ride in a page's chunk. */
const PRELOAD_HELPER = 'vite/preload-helper';

/**
 * Splits the H5 build by route. Taro's own rule puts every node_modules module in one `vendors` chunk
 * that every page loads — hls.js (which Taro's Video loads lazily), NutUI pickers, the components only
 * member pages draw — and everything imported twice in one `common` chunk. Here `vendors` holds only the
 * libraries the app shell itself needs (what the entry imports statically: React, Taro's runtime, router
 * and APIs, minus the groups above); every other module goes where Rollup's own splitting puts it — the
 * page chunk that needs it, or a chunk shared by exactly the pages that need it — so a public page never
 * downloads member or secretary code. Images over 4 KB become files instead of base64 inside the JS.
 *
 * index.html then starts downloading the opened page's own chunks at once (see pagePreloader), instead
 * of after the shell has been downloaded and run.
 */
export function h5Chunks(): Plugin {
  let shell: Set<string> | null = null;
  let publicPage: Set<string> | null = null;
  /** The pages: what Taro's entry (made from the app config) imports dynamically. */
  let pages: string[] = [];
  return {
    name: 'kaimen:h5-chunks',
    apply: 'build',
    enforce: 'post',
    config: (config) => {
      if (process.env.TARO_ENV !== 'h5') return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      output.manualChunks = (id, { getModuleInfo, getModuleIds }) => {
        // Modules the entry reaches through static imports only: loaded on every page anyway.
        shell ??= staticallyReached([...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry), getModuleInfo);
        // A group's chunk takes in the static dependencies that no other manual chunk claims: named
        // apart, the group loads with the pages that use it and nothing the shell needs rides in it.
        const group = TARO_GROUPS.find(([, test]) => test.test(id));
        if (group) return group[0];
        if (id.includes(PRELOAD_HELPER)) return 'vendors';
        const library = NODE_MODULES.test(id) || id.includes('commonjsHelpers');
        // What the public page reaches (not the page itself): pages that share some of it load it too.
        publicPage ??= staticallyReached([...getModuleIds()].filter((m) => PUBLIC_PAGE.test(m)).flatMap((m) => getModuleInfo(m)?.importedIds ?? []), getModuleInfo);
        // The shell's own modules that the public page reaches too (the session, 长辈模式) go with the shell's
        // libraries: left alone, Rollup would pull them into `public` and the entry would load all of it.
        if (shell.has(id)) return library || publicPage.has(id) ? 'vendors' : undefined;
        return publicPage.has(id) ? 'public' : undefined;
      };
      config.build!.assetsInlineLimit = 4096;
      // Merges the smallest shared chunks (a few hundred bytes each) into their neighbours: fewer requests.
      output.experimentalMinChunkSize = 4096;
    },
    buildEnd() {
      pages = [...this.getModuleIds()].flatMap((id) => (APP_CONFIG.test(id) ? this.getModuleInfo(id)?.dynamicallyImportedIds ?? [] : []));
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        if (!bundle || process.env.TARO_ENV !== 'h5') return html;
        return html.replace('</head>', `  <script>${pagePreloader(bundle, pages, PREFETCH)}</script>\n</head>`);
      },
    },
  };
}

/** What these modules reach through static imports (themselves included). */
function staticallyReached(from: string[], getModuleInfo: (id: string) => { importedIds: readonly string[] } | null): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length) {
    const m = queue.pop()!;
    if (seen.has(m)) continue;
    seen.add(m);
    queue.push(...(getModuleInfo(m)?.importedIds ?? []));
  }
  return seen;
}

/** `pages/feedback/campaign` for the page module `…/src/pages/feedback/campaign.tsx`. */
const PAGE = /[\\/]src[\\/](pages[\\/][^?]+)\.[jt]sx?(?:\?.*)?$/;

/**
 * An inline script for index.html: it reads the page from the address (hash router) and loads that
 * page's chunks (modulepreload) and stylesheets while the shell is still downloading. Without it
 * they are asked for only once the shell has run (~1 s of a slow phone's CPU), then ~15 requests at the
 * network's round-trip time. Each page lists indexes into one shared list of file names.
 * When the page has an entry in `prefetch` and /kaimen-config.js gave the API's address, it also
 * starts that API request (the same URL the client builds) and leaves it in `__KAIMEN_PREFETCH__`.
 */
export function pagePreloader(bundle: OutputBundle, pageModules: string[], prefetch: Record<string, string> = {}): string {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const shellFiles = new Set<string>();
  const closure = (file: string, into: Set<string>) => {
    if (into.has(file)) return;
    into.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) closure(dep, into);
  };
  for (const c of chunks) if (c.isEntry) closure(c.fileName, shellFiles);

  const files: string[] = [];
  const indexOf = (f: string) => (files.includes(f) ? files.indexOf(f) : files.push(f) - 1);
  const pages: Record<string, number[]> = {};
  for (const id of pageModules) {
    const page = PAGE.exec(id)?.[1];
    const chunk = chunks.find((c) => id in c.modules);
    if (!page || !chunk) continue;
    const js = new Set<string>();
    closure(chunk.fileName, js);
    const own = [...js].filter((f) => !shellFiles.has(f));
    const css = own.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
    pages[page.replace(/\\/g, '/')] = [...own, ...css].map(indexOf);
  }
  return `(function(f,p,d){var m=/^#\\/?([^?]*)(?:\\?(.*))?/.exec(location.hash),l=m&&p[m[1]]||[];` +
    `l.forEach(function(i){var e=document.createElement('link'),n=f[i];if(/\\.css$/.test(n))e.rel='stylesheet';` +
    `else{e.rel='modulepreload';e.crossOrigin=''}e.href='/'+n;document.head.appendChild(e)});` +
    `var t=m&&d[m[1]],c=window.__KAIMEN_CONFIG__,b=c&&typeof c.apiUrl=='string'&&c.apiUrl.trim().replace(/\\/+$/,'');` +
    `if(!t||!b||!window.fetch)return;var q={},ok=1;(m[2]||'').split('&').forEach(function(s){var i=s.indexOf('=');` +
    `if(i>0)try{q[s.slice(0,i)]=decodeURIComponent(s.slice(i+1))}catch(e){}});` +
    `var u=b+t.replace(/\\{(\\w+)\\}/g,function(_,k){if(!q[k])ok=0;return encodeURIComponent(q[k]||'')});` +
    `if(ok)(window.__KAIMEN_PREFETCH__={})[u]=fetch(u,{headers:{Accept:'application/json'}})` +
    `.then(function(r){return r.text().then(function(x){return{status:r.status,text:x}})}).catch(function(){return null})})(` +
    `${JSON.stringify(files)},${JSON.stringify(pages)},${JSON.stringify(prefetch)})`;
}
