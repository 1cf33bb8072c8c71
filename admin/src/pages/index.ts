import type { ConsoleFeature } from './types';
import { home } from './home';
import { feedback } from './feedback';
import { checklist } from './checklist';

/**
 * Every feature of the console, in menu order. To add one: create `pages/<feature>/index.ts`
 * exporting a ConsoleFeature (see README) and add one line here.
 */
export const features: ConsoleFeature[] = [
  home,
  feedback,
  checklist,
];
