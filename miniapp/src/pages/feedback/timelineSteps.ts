import { statusLabels, suggestionStatuses, type Tracked } from '@kaimen/shared';

export type StepState = 'done' | 'current' | 'pending';
export interface Step {
  status: Tracked['status'];
  label: string;
  at: string | null;
  state: StepState;
}

/**
 * The steps as the public reads them: the ones reached in the order they happened (a suggestion may be
 * put on the checklist before it is answered), then the ones still ahead in their usual order.
 */
export function timelineSteps(timeline: Tracked['timeline'], current: Tracked['status']): Step[] {
  const reached = [...timeline].sort((a, b) => a.at.localeCompare(b.at) || suggestionStatuses.indexOf(a.status) - suggestionStatuses.indexOf(b.status));
  const seen = new Set(reached.map((t) => t.status));
  return [
    ...reached.map((t): Step => ({ status: t.status, label: t.label, at: t.at, state: t.status === current ? 'current' : 'done' })),
    ...suggestionStatuses.filter((s) => !seen.has(s)).map((s): Step => ({ status: s, label: statusLabels[s], at: null, state: 'pending' })),
  ];
}
