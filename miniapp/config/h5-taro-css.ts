import postcss from 'postcss';
import type { Plugin } from 'vite';

/** The stylesheet of Taro's H5 components, which Taro's H5 runtime imports on every page. */
const TARO_COMPONENTS_CSS = /[\\/]@tarojs[\\/]components[\\/]dist[\\/]taro-components[\\/]taro-components\.css$/;

/**
 * Drops the WeUI icon font (a ~6 KB base64 font inside the CSS, ~3.6 KB gzipped) and the check styles
 * of Taro's Icon, Checkbox and Radio from Taro's H5 base stylesheet: the app draws none of those three
 * (NutUI brings its own icons), yet every page, the public campaign page on a slow phone network
 * included, downloaded the font before the first paint.
 */
export function h5TaroCss(): Plugin {
  return {
    name: 'kaimen:h5-taro-css',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (process.env.TARO_ENV !== 'h5' || !TARO_COMPONENTS_CSS.test(id)) return null;
      const root = postcss.parse(code);
      root.walkAtRules('font-face', (rule) => {
        if (/font-family:\s*["']?weui\b/.test(rule.toString())) rule.remove();
      });
      root.walkRules((rule) => {
        if (rule.selectors.every((s) => /\.weui-(?:icon|check|cells_)|\[class[*^]=["']?\s?weui-icon/.test(s))) rule.remove();
      });
      return { code: root.toString(), map: null };
    },
  };
}
