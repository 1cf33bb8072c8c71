import { gamesRoutes as routes } from '@kaimen/shared/games/routes';
import { bind, type Binding } from '../lib/api';
import { answerRun, ownRun, runView, startRun } from './challenge';
import { answerDaily, dailyFor, dailyView } from './daily';
import { answerDuel, createDuel, duelView, joinDuel, loadDuel, openDuels } from './duel';
import { listMistakes, practise } from './mistakes';
import { rankingOf } from './rankings';

export const bindings: Binding[] = [
  bind(routes.getDaily, async ({ principal, now }) => dailyView(principal, await dailyFor(principal, now))),
  bind(routes.answerDaily, async ({ body, principal, now }) => answerDaily(principal, body.questionId, body.answer, now)),

  bind(routes.startChallenge, async ({ principal, now }) => runView(principal, await startRun(principal, now), now)),
  bind(routes.getChallenge, async ({ params, principal, now }) => runView(principal, await ownRun(principal, params.runId, now), now)),
  bind(routes.answerChallenge, async ({ params, body, principal, now }) =>
    runView(principal, await answerRun(principal, params.runId, body.questionId, body.answer, now), now)),

  bind(routes.createDuel, async ({ principal, now }) => duelView(await createDuel(principal, now), principal.userId, now)),
  bind(routes.openDuels, async ({ principal, now }) => openDuels(principal, now)),
  bind(routes.joinDuel, async ({ params, principal, now }) => duelView(await joinDuel(principal, params.duelId, now), principal.userId, now)),
  bind(routes.getDuel, async ({ params, principal, now }) => duelView(await loadDuel(principal, params.duelId, now), principal.userId, now)),
  bind(routes.answerDuel, async ({ params, body, principal, now }) => {
    const { duel, last } = await answerDuel(principal, params.duelId, body.index, body.answer, now);
    return duelView(duel, principal.userId, now, last);
  }),

  bind(routes.listMistakes, async ({ principal, now }) => ({ items: await listMistakes(principal.userId, now) })),
  bind(routes.practiseMistake, async ({ body, principal, now }) => practise(principal.userId, body.bankId, body.questionId, body.answer, now)),

  bind(routes.rankings, async ({ query, principal, now }) => rankingOf(principal, query.scope ?? 'branch', query.period ?? 'week', now)),
];
