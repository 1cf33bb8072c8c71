import type { PropsWithChildren } from 'react';
// Configures zod's Chinese messages before any page validates anything.
import '@kaimen/shared';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // `children` is the page being shown.
  return children;
}

export default App;
