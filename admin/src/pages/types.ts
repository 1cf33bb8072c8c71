import type { ComponentType, ReactNode } from 'react';
import type { Role } from '@kaimen/shared';

/** One screen of a feature: its path under the console and its lazily loaded component. */
export interface ConsoleRoute {
  /** Relative to the console root, e.g. `checklist` or `checklist/:campaignId`. */
  path: string;
  title: string;
  load: () => Promise<{ default: ComponentType }>;
  /** Listed in the side menu (defaults to true for the first route of a feature). */
  menu?: boolean;
}

/** A feature of the console: one folder `admin/src/pages/<key>/` exporting one of these from `index.ts`. */
export interface ConsoleFeature {
  key: string;
  title: string;
  icon: ReactNode;
  /** The lowest role that sees the feature (admin ⊃ secretary). */
  access: Exclude<Role, 'member'>;
  routes: ConsoleRoute[];
}
