import type { UserConfigExport } from '@tarojs/cli';
import type { Plugin } from 'vite';

/**
 * `taro build --type h5 --watch` runs Vite's dev server (it writes nothing to dist/h5).
 * Host and port come from MINIAPP_DEV_HOST / MINIAPP_DEV_PORT (default 127.0.0.1:10086).
 */
const host = process.env.MINIAPP_DEV_HOST || '127.0.0.1';
const port = Number(process.env.MINIAPP_DEV_PORT) || 10086;

/**
 * index.html loads /kaimen-config.js before the app. The dev server has no such file, so answer
 * it with an empty config: the build-time KAIMEN_API_URL (from API_URL) then applies.
 */
function runtimeConfigStub(): Plugin {
  return {
    name: 'kaimen:runtime-config-stub',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/kaimen-config.js') return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end('/* dev server: no runtime config, the build-time API_URL applies */\n');
      });
    },
  };
}

export default {
  mini: {},
  h5: {
    devServer: { host, port, strictPort: true, open: false },
  },
  compiler: { type: 'vite', vitePlugins: [runtimeConfigStub()] },
} satisfies UserConfigExport<'vite'>;
