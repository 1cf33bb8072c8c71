import { route } from '../api/route';
import {
  answerBody, challengeState, dailyAnswered, dailySet, duelAnswerBody, duelParams, duelState, mistakeList, openDuels, practiceBody, practiced,
  ranking, rankingQuery, runParams,
} from './schemas';

const tag = 'games';

export const gamesRoutes = {
  getDaily: route({
    id: 'getDaily', method: 'GET', path: '/games/daily', tag, access: 'member', status: 200,
    summary: '今天的每日答题（5 题，未做过的题优先；答过的题附对错与解析）', response: dailySet,
  }),
  answerDaily: route({
    id: 'answerDaily', method: 'POST', path: '/games/daily/answers', tag, access: 'member', status: 200,
    summary: '回答每日答题的一道题（每题只计一次，积分受每日上限约束）', body: answerBody, response: dailyAnswered,
  }),
  startChallenge: route({
    id: 'startChallenge', method: 'POST', path: '/games/challenges', tag, access: 'member', status: 201,
    summary: '开始挑战答题（已有进行中的挑战则继续）', response: challengeState,
  }),
  getChallenge: route({
    id: 'getChallenge', method: 'GET', path: '/games/challenges/{runId}', tag, access: 'member', status: 200,
    summary: '我的一次挑战', params: runParams, response: challengeState,
  }),
  answerChallenge: route({
    id: 'answerChallenge', method: 'POST', path: '/games/challenges/{runId}/answers', tag, access: 'member', status: 200,
    summary: '回答挑战的当前题：答错或超时即结束', params: runParams, body: answerBody, response: challengeState,
  }),
  createDuel: route({
    id: 'createDuel', method: 'POST', path: '/games/duels', tag, access: 'member', status: 201,
    summary: '发起双人对战（把链接分享给对手，或等本组织的人加入）', response: duelState,
  }),
  openDuels: route({
    id: 'openDuels', method: 'GET', path: '/games/duels', tag, access: 'member', status: 200,
    summary: '本支部等待对手的对战', response: openDuels,
  }),
  joinDuel: route({
    id: 'joinDuel', method: 'POST', path: '/games/duels/{duelId}/join', tag, access: 'member', status: 200,
    summary: '加入对战（两人同时答同样的 5 题）', params: duelParams, response: duelState,
  }),
  getDuel: route({
    id: 'getDuel', method: 'GET', path: '/games/duels/{duelId}', tag, access: 'member', status: 200,
    summary: '对战状态（短轮询，每秒一次）', params: duelParams, response: duelState,
  }),
  answerDuel: route({
    id: 'answerDuel', method: 'POST', path: '/games/duels/{duelId}/answers', tag, access: 'member', status: 200,
    summary: '回答对战的当前题（服务器判分、计时；同一题只计第一次）', params: duelParams, body: duelAnswerBody, response: duelState,
  }),
  listMistakes: route({
    id: 'listMistakes', method: 'GET', path: '/games/mistakes', tag, access: 'member', status: 200,
    summary: '我的错题本（仅本人可见）', response: mistakeList,
  }),
  practiseMistake: route({
    id: 'practiseMistake', method: 'POST', path: '/games/mistakes/practice', tag, access: 'member', status: 200,
    summary: '练习错题：连续答对两次移出错题本', body: practiceBody, response: practiced,
  }),
  rankings: route({
    id: 'rankings', method: 'GET', path: '/games/rankings', tag, access: 'member', status: 200,
    summary: '积分排行（本支部、本单位、本局；本周、本月、本年）', query: rankingQuery, response: ranking,
  }),
};
