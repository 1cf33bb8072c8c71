import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** In `vite` dev, answers /kaimen-config.js from API_URL (and PUBLIC_URL, the H5 app) as the static server does for the build. */
function runtimeConfig(): Plugin {
  const config = { apiUrl: process.env.API_URL ?? 'http://127.0.0.1:3000', publicUrl: process.env.PUBLIC_URL ?? 'http://127.0.0.1:10086' };
  return {
    name: 'kaimen-runtime-config',
    configureServer(server) {
      server.middlewares.use('/kaimen-config.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(`window.__KAIMEN_CONFIG__ = ${JSON.stringify(config)};\n`);
      });
    },
  };
}

export default defineConfig({
  // plugin-react's types come from the root's older vite (Taro's); the plugin itself works with this one.
  plugins: [react() as unknown as Plugin, runtimeConfig()],
  server: {
    host: process.env.ADMIN_DEV_HOST ?? '127.0.0.1',
    port: Number(process.env.ADMIN_PORT ?? 10087),
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // antd and React change rarely: one cached vendor chunk, pages split by route.
        manualChunks: (id) => (/node_modules\/(react|react-dom|scheduler|react-router|@remix-run)\//.test(id) ? 'react' : undefined),
      },
    },
  },
});
