import type { UserConfigExport } from '@tarojs/cli';
import { bundleStats } from './bundle-stats';
import { h5Chunks } from './h5-chunks';

export default {
  mini: {},
  h5: {},
  compiler: { type: 'vite', vitePlugins: [h5Chunks(), bundleStats()] },
} satisfies UserConfigExport<'vite'>;
