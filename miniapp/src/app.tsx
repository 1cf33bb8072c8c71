import type { PropsWithChildren } from 'react';
// Configures zod's Chinese messages before any page validates anything.
import '@kaimen/shared';
import { applyElderMode } from './lib/elder';
import './app.scss';

// H5: 长辈模式 as chosen last time, before the first page draws.
applyElderMode();

function App({ children }: PropsWithChildren) {
  // `children` is the page being shown.
  return children;
}

export default App;
