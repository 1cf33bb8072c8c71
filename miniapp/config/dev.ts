import type { UserConfigExport } from '@tarojs/cli';
import type { Plugin } from 'vite';

/**
 * `taro build --type h5 --watch` runs Vite's dev server (it writes nothing to dist/h5).
 * Host and port come from MINIAPP_DEV_HOST / MINIAPP_DEV_PORT (default 127.0.0.1:10086).
 */
const host = process.env.MINIAPP_DEV_HOST || '127.0.0.1';
const port = Number(process.env.MINIAPP_DEV_PORT) || 10086;

/**
 * index.html loads /kaimen-config.js before the app. The dev server has no such file, so it
 * answers with an empty config: the build-time KAIMEN_API_URL (from API_URL) then applies.
 * (Served through resolveId/load so Vite's own HTML pre-transform finds it too.)
 */
const RUNTIME_CONFIG = '/kaimen-config.js';
function runtimeConfigStub(): Plugin {
  return {
    name: 'kaimen:runtime-config-stub',
    apply: 'serve',
    resolveId: (id) => (id === RUNTIME_CONFIG ? id : null),
    load: (id) => (id === RUNTIME_CONFIG ? '/* dev server: no runtime config, the build-time API_URL applies */\n' : null),
  };
}

export default {
  mini: {},
  h5: {
    devServer: { host, port, strictPort: true, open: false },
  },
  compiler: { type: 'vite', vitePlugins: [runtimeConfigStub()] },
} satisfies UserConfigExport<'vite'>;
