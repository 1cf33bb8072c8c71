import type { ConsoleFeature } from './types';
import { home } from './home';
import { feedback } from './feedback';
import { checklist } from './checklist';
import { notify } from './notify';
import { orgs } from './orgs';
import { orglife } from './orglife';
import { quiz } from './quiz';
import { study } from './study';
import { inspect } from './inspect';
import { talks } from './talks';
import { pioneer } from './pioneer';
import { service } from './service';

/**
 * Every feature of the console, in menu order. To add one: create `pages/<feature>/index.ts`
 * exporting a ConsoleFeature (see README) and add one line here.
 */
export const features: ConsoleFeature[] = [
  home,
  orgs,
  orglife,
  pioneer,
  service,
  feedback,
  checklist,
  inspect,
  talks,
  notify,
  quiz,
  study,
];
