// NutUI, one component at a time: each import pulls in only that component's stylesheet
// (the whole NutUI stylesheet would add ~300 KB to the mini-program's main package).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { Button, Input, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
