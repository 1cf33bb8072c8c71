import { route } from '../api/route';
import { confidentialViews } from '../inspect/audience';
import { createTalkRoundBody, recordTalkBody, talkCoverage, talkRecord, talkRecords, talkRound, talkRoundList, talkRoundParams } from './schemas';

const tag = 'talks';

export const talksRoutes = {
  createTalkRound: route({
    id: 'createTalkRound', method: 'POST', path: '/admin/talk-rounds', tag, access: 'admin', status: 201,
    summary: '开始一轮谈心谈话（必谈类型可配置，谈话对象：组织及下级或指定人员）', body: createTalkRoundBody, response: talkRound, idempotent: true,
  }),
  listTalkRounds: route({
    id: 'listTalkRounds', method: 'GET', path: '/admin/talk-rounds', tag, access: 'admin', status: 200,
    summary: '本单位及下级的谈心谈话轮次', response: talkRoundList,
  }),
  talkCoverage: route({
    id: 'talkCoverage', method: 'GET', path: '/admin/talk-rounds/{roundId}/coverage', tag, access: 'admin', status: 200,
    summary: '谈话覆盖情况：按单位列出尚未谈话的人（全覆盖、不漏一人）', params: talkRoundParams, response: talkCoverage,
  }),
  recordTalk: route({
    id: 'recordTalk', method: 'POST', path: '/admin/talk-rounds/{roundId}/talks', tag, access: 'admin', status: 201,
    summary: '登记一次谈话：谈话人、对象、时间、必谈类型、结果（默认不记录谈话内容）', params: talkRoundParams, body: recordTalkBody, response: talkRecord, idempotent: true,
  }),
  listTalks: route({
    id: 'listTalks', method: 'GET', path: '/admin/talk-rounds/{roundId}/talks', tag, access: 'admin', status: 200,
    summary: '谈话记录（仅发起单位及上级管理员；每次查看都记录在案）', params: talkRoundParams, response: talkRecords,
  }),
  talkViews: route({
    id: 'talkViews', method: 'GET', path: '/admin/talk-rounds/{roundId}/views', tag, access: 'admin', status: 200,
    summary: '谈话记录查看记录：谁在何时查看', params: talkRoundParams, response: confidentialViews,
  }),
};
