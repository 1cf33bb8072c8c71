// NutUI, one component at a time: each component is imported from its own folder with its own
// stylesheet. The package root would pull the whole library into the dev server (lottie and all)
// and the whole stylesheet adds ~300 KB to the mini-program's main package.
// To add one: export it from `@nutui/nutui-react-taro/dist/es/packages/<name>` and import
// `.../packages/<name>/style/css` next to it. The public pages import `./Button` directly (it brings
// its own stylesheet): through this file they would download every component's stylesheet.
export { Button } from './Button';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
