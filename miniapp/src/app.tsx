import type { PropsWithChildren } from 'react';
// Configures zod's Chinese messages before any page validates anything.
import '@kaimen/shared/zod-locale';
import { useDidShow } from '@tarojs/taro';
import { refreshBadgeOnShow } from './pages/notify/app-badge';
import { applyElderMode } from './lib/elder';
import './app.scss';

// H5: 长辈模式 as chosen last time, before the first page draws.
applyElderMode();

function App({ children }: PropsWithChildren) {
  // The 我的 tab's badge shows unread messages from the moment the app comes to the front.
  useDidShow(refreshBadgeOnShow);
  // `children` is the page being shown.
  return children;
}

export default App;
