export { RichText } from '@tarojs/components';
