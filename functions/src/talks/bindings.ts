import { randomUUID } from 'node:crypto';
import {
  coverageByUnit, defaultTalkKinds, keyedKinds, talkErrors, talkOutcomeLabels, type TalkRecord, type TalkRound,
} from '@kaimen/shared';
import { talksRoutes as routes } from '@kaimen/shared/talks/routes';
import { bind, Reply, type Binding } from '../lib/api';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import { newId } from '../lib/ids';
import { inScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { keys } from '../db/keys';
import { assertResponsible, auditView, viewsOf } from '../inspect/confidential';
import { publishingOrg, resolveAudience } from '../inspect/people';
import { getPerson, getRound, peopleOf, putRound, putTalk, roundsUnder, talksOf, type TalkRecordItem, type TalkRoundRecord } from './store';

const WHAT = '谈心谈话记录';

function roundView(r: TalkRoundRecord, covered: number, talks: number): TalkRound {
  return {
    id: r.id, title: r.title, orgId: r.orgId, orgName: r.orgName, kinds: r.kinds, endsAt: r.endsAt, keepContent: r.keepContent,
    people: r.people, covered, talks, createdAt: r.createdAt, createdBy: r.createdBy,
  };
}

function talkView(t: TalkRecordItem, round: TalkRoundRecord): TalkRecord {
  return {
    id: t.id, roundId: t.roundId, intervieweeId: t.intervieweeId, intervieweeName: t.intervieweeName, unitName: t.unitName, talkerName: t.talkerName,
    heldAt: t.heldAt, kind: t.kind, kindLabel: round.kinds.find((k) => k.key === t.kind)?.label ?? t.kind, outcome: t.outcome,
    outcomeLabel: talkOutcomeLabels[t.outcome], ...(t.content ? { content: t.content } : {}), recordedBy: t.recordedBy,
  };
}

async function responsibleRound(principal: Principal, roundId: string): Promise<TalkRoundRecord> {
  const round = await getRound(roundId);
  if (!round) throw notFound('谈话轮次不存在');
  assertResponsible(principal, round, WHAT);
  return round;
}

export const bindings: Binding[] = [
  bind(routes.createTalkRound, async ({ body, principal, now }) => {
    const org = await publishingOrg(principal, body.orgId);
    const people = await resolveAudience(org, body.audience);
    const round: TalkRoundRecord = {
      id: newId(now.getTime()), title: body.title, orgId: org.id, orgPath: org.path, orgName: org.name,
      kinds: keyedKinds(body.kinds ?? [...defaultTalkKinds]), endsAt: body.endsAt, keepContent: body.keepContent ?? false,
      people: people.length, createdAt: now.toISOString(), createdBy: principal.name,
    };
    await putRound(round, people);
    return new Reply(201, roundView(round, 0, 0));
  }),

  bind(routes.listTalkRounds, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    const rounds = await roundsUnder(principal.orgPath);
    return { items: rounds.map((r) => roundView(r, r.covered ?? 0, r.talks ?? 0)) };
  }),

  bind(routes.talkCoverage, async ({ params, principal }) => {
    const round = await responsibleRound(principal, params.roundId);
    const [people, talks] = await Promise.all([peopleOf(round.id), talksOf(round.id)]);
    const units = coverageByUnit(people.map((p) => ({ userId: p.userId, name: p.name, unitId: p.unitId, unitName: p.unitName, done: (p.talks ?? 0) > 0 })));
    const byKind = round.kinds.map((k) => ({ key: k.key, label: k.label, talks: talks.filter((t) => t.kind === k.key).length }));
    return { roundId: round.id, people: people.length, covered: people.filter((p) => (p.talks ?? 0) > 0).length, units, byKind };
  }),

  bind(routes.recordTalk, async ({ params, body, principal, now }) => {
    const round = await getRound(params.roundId);
    if (!round) throw notFound('谈话轮次不存在');
    for (let attempt = 0; attempt < 3; attempt++) {
      const person = await getPerson(round.id, body.intervieweeId);
      if (!person) throw validationFailed('谈话对象不在本轮名单中', [{ path: 'intervieweeId', message: '请从本轮谈话名单中选择' }]);
      // The admins responsible, or an admin of the unit the person belongs to (a county bureau recording its own talks).
      if (!inScope(principal, round.orgPath) && !inScope(principal, person.orgPath)) throw forbidden('您不能为这个人登记谈话');
      const errors = talkErrors(round, body, now);
      if (errors.length) throw validationFailed('谈话记录填写有误', errors);
      const talk: TalkRecordItem = {
        id: newId(now.getTime()), roundId: round.id, intervieweeId: person.userId, intervieweeName: person.name, unitName: person.unitName,
        talkerName: body.talkerName, heldAt: body.heldAt, kind: body.kind, outcome: body.outcome, ...(body.content ? { content: body.content } : {}),
        recordedBy: principal.name, recordedById: principal.userId, createdAt: now.toISOString(),
      };
      if (await putTalk(talk, person.talks ?? 0)) return new Reply(201, talkView(talk, round));
    }
    throw conflict('谈话记录正在被更新，请稍后重试');
  }),

  bind(routes.listTalks, async ({ params, principal, now, requestId }) => {
    const round = await responsibleRound(principal, params.roundId);
    await auditView(keys.talkView(round.id, now.toISOString(), requestId || randomUUID()), principal, '谈话记录', now);
    const talks = await talksOf(round.id);
    return { roundId: round.id, items: talks.sort((a, b) => b.heldAt.localeCompare(a.heldAt)).map((t) => talkView(t, round)) };
  }),

  bind(routes.talkViews, async ({ params, principal }) => {
    const round = await responsibleRound(principal, params.roundId);
    return { items: await viewsOf(keys.talkViewPrefix(round.id)) };
  }),
];
