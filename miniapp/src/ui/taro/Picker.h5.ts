// H5: Taro's one proxy module for all its components would make every page load this heavy one;
// this proxy (the same call as Taro's own) lets only the pages that draw it load it.
import type { Picker as TaroPicker } from '@tarojs/components';
import { defineCustomElement } from '@tarojs/components/dist/components/taro-picker-core.js';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';

export const Picker = /*@__PURE__*/ createReactComponent('taro-picker-core', undefined, manipulatePropsFunction, defineCustomElement) as unknown as typeof TaroPicker;
