import postcss from 'postcss';
import type { Plugin } from 'vite';

/** The stylesheet of Taro's H5 components, which Taro's H5 runtime imports on every page. */
const TARO_COMPONENTS_CSS = /[\\/]@tarojs[\\/]components[\\/]dist[\\/]taro-components[\\/]taro-components\.css$/;
/** Taro's H5 tab bar, drawn (hidden on the other pages) whatever page is opened. */
const TARO_TABBAR = /[\\/]@tarojs[\\/]components[\\/]dist[\\/]components[\\/]taro-tabbar\.js$/;
const TABBAR_ICON = `h("img", { src: iconPath, alt: '', class: 'weui-tabbar__icon' })`;

/**
 * Two things every H5 page downloaded before its first paint, the public campaign page on a slow phone
 * network included, that only some pages need:
 * - the WeUI icon font (a ~6 KB base64 font inside Taro's base CSS, ~3.6 KB gzipped) and the check styles
 *   of Taro's Icon, Checkbox and Radio: the app draws none of those three (NutUI brings its own icons);
 * - the tab bar's icons (8 images, ~3 KB): on a page off the tabs the tab bar is hidden, yet its images
 *   loaded. They load lazily now: a hidden image is not fetched, a shown one is at once.
 */
export function h5TaroTrim(): Plugin {
  return {
    name: 'kaimen:h5-taro-trim',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (process.env.TARO_ENV !== 'h5') return null;
      if (TARO_COMPONENTS_CSS.test(id)) return { code: withoutWeuiIcons(code), map: null };
      if (TARO_TABBAR.test(id)) {
        if (!code.includes(TABBAR_ICON)) this.error('taro-tabbar.js changed: the tab bar icons can no longer be made lazy (miniapp/config/h5-taro-trim.ts)');
        return { code: code.replace(TABBAR_ICON, TABBAR_ICON.replace("alt: ''", "alt: '', loading: 'lazy'")), map: null };
      }
      return null;
    },
  };
}

function withoutWeuiIcons(css: string): string {
  const root = postcss.parse(css);
  root.walkAtRules('font-face', (rule) => {
    if (/font-family:\s*["']?weui\b/.test(rule.toString())) rule.remove();
  });
  root.walkRules((rule) => {
    if (rule.selectors.every((s) => /\.weui-(?:icon|check|cells_)|\[class[*^]=["']?\s?weui-icon/.test(s))) rule.remove();
  });
  return root.toString();
}
