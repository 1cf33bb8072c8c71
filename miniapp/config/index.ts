import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Where the API lives when the page does not say otherwise (H5 reads window.__KAIMEN_CONFIG__ first). */
const apiUrl = process.env.API_URL || 'http://127.0.0.1:3000';
/** `taro build --type <platform>` sets TARO_ENV before this file is read. */
const platform = process.env.TARO_ENV || 'h5';

// https://docs.taro.zone/docs/config
export default defineConfig<'vite'>(async (merge) => {
  const baseConfig: UserConfigExport<'vite'> = {
    projectName: 'kaimen',
    date: '2025-11-22',
    // NutUI is drawn for a 375 px wide screen; so are our pages.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      KAIMEN_API_URL: JSON.stringify(apiUrl),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'vite',
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Taro inlines every image into the JS when a limit is set (any limit): the 80 KB share card
      // would ride along with every public page. Images are files, fetched when drawn.
      imageUrlLoaderOption: { limit: false },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
