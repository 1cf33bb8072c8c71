import type { ComponentProps } from 'react';
import NutButton from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

/**
 * NutUI's button greyed out by `disabled` or `loading` does not say so to a screen reader (no
 * `disabled` attribute reaches the element): `aria-disabled` does.
 */
export function Button(props: ComponentProps<typeof NutButton>) {
  return <NutButton aria-disabled={props.disabled || props.loading ? 'true' : undefined} {...props} />;
}
