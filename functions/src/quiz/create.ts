import { defaultTypePoints, drawRules, drawShortfall, isWithin, type CreateQuizBody } from '@kaimen/shared';
import { newId } from '../lib/ids';
import { forbidden, notFound, validationFailed } from '../lib/problem';
import { inScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getOrg } from '../org/store';
import { getTopic, topicVisibleTo } from '../study/content-store';
import { allQuestions, getBank, type BankRecord } from './bank-store';
import type { QuizRecord } from './quiz-store';

const DAY = 86_400_000;
export const DEFAULT_OPEN_DAYS = 14;
export const DEFAULT_ONLINE_WEIGHT = 0.5;

/** A bank the caller manages: their own org's or one below it. */
export async function managedBank(p: Principal, bankId: string): Promise<BankRecord> {
  const bank = await getBank(bankId);
  if (!bank) throw notFound('题库不存在');
  if (!inScope(p, bank.orgPath)) throw forbidden('这个题库不在您所管理的组织范围内');
  return bank;
}

/** A bank the caller may set a quiz from: one they manage, or one of an org above them (a city's bank for a branch). */
export async function usableBank(p: Principal, bankId: string): Promise<BankRecord> {
  const bank = await getBank(bankId);
  if (!bank) throw notFound('题库不存在');
  if (!inScope(p, bank.orgPath) && !(p.orgPath && isWithin(p.orgPath, bank.orgPath))) throw forbidden('这个题库不在您所管理的组织范围内');
  return bank;
}

/** Checks a new quiz against its bank and the caller's orgs and works out its totals. */
export async function buildQuiz(p: Principal, body: CreateQuizBody, now: Date): Promise<QuizRecord> {
  if (!p.orgId || !p.orgPath) throw forbidden();
  if ((body.draw === undefined) === (body.questionIds === undefined)) {
    throw validationFailed('请选择随机抽题（draw）或指定题目（questionIds）中的一种', [{ path: 'draw', message: '二者必须且只能填一个' }]);
  }
  const bank = await usableBank(p, body.bankId);
  // A bank of an org above the caller: its keys are not theirs to read (listing its questions is 403),
  // so a quiz set from it never shows answers and cannot pick questions by id.
  const keysReadable = inScope(p, bank.orgPath);
  if (!keysReadable && body.questionIds) {
    throw forbidden('上级组织的题库只能随机抽题，不能指定题目');
  }
  if (!keysReadable && body.reviewPolicy && body.reviewPolicy !== 'never') {
    throw forbidden('用上级组织的题库出题时不能公布答案，请把答案解析设为“不公布”');
  }
  const points = { ...defaultTypePoints, ...body.points };
  const pool = await allQuestions(bank.id);
  let questionCount = 0;
  let maxScore = 0;
  if (body.draw) {
    const rules = drawRules(body.draw);
    if (rules.length === 0) throw validationFailed('请至少抽取一道题', [{ path: 'draw', message: '各题型的抽题数不能都为 0' }]);
    const short = drawShortfall(pool, rules);
    if (short) throw validationFailed(short, [{ path: 'draw', message: short }]);
    for (const r of rules) {
      questionCount += r.count;
      maxScore += r.count * points[r.type];
    }
  } else {
    const ids = body.questionIds!;
    if (new Set(ids).size !== ids.length) throw validationFailed('题目有重复', [{ path: 'questionIds', message: '同一道题只能选一次' }]);
    const byId = new Map(pool.map((q) => [q.id, q]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw validationFailed('有题目不在所选题库中', missing.map((id) => ({ path: 'questionIds', message: `题库中没有题目 ${id}` })));
    questionCount = ids.length;
    maxScore = ids.reduce((s, id) => s + points[byId.get(id)!.type], 0);
  }
  if (body.passScore > maxScore) throw validationFailed(`及格分不能高于满分 ${maxScore}`, [{ path: 'passScore', message: `满分为 ${maxScore}` }]);

  const opensAt = body.opensAt ?? now.toISOString();
  const closesAt = body.closesAt ?? new Date(Date.parse(opensAt) + DEFAULT_OPEN_DAYS * DAY).toISOString();
  if (closesAt <= opensAt) throw validationFailed('结束时间应晚于开始时间', [{ path: 'closesAt', message: '结束时间应晚于开始时间' }]);

  const orgIds = [...new Set(body.orgIds ?? [p.orgId])];
  const orgs = await Promise.all(orgIds.map((id) => getOrg(id)));
  const targetPaths: string[] = [];
  orgs.forEach((o, i) => {
    if (!o) throw validationFailed('参加测试的组织不存在', [{ path: 'orgIds', message: `组织 ${orgIds[i]} 不存在` }]);
    if (!inScope(p, o.path)) throw forbidden(`「${o.name}」不在您所管理的组织范围内`);
    targetPaths.push(o.path);
  });
  if (body.topicId) {
    // A quiz under a topic its takers can open: never another org's topic (nor one that does not exist).
    const topic = await getTopic(body.topicId);
    if (!topic || !targetPaths.every((path) => topicVisibleTo(topic, path))) {
      throw validationFailed('专题不存在或参加测试的组织看不到它', [{ path: 'topicId', message: '请选择参加测试的组织可见的专题' }]);
    }
  }

  return {
    id: newId(now.getTime()), title: body.title, description: body.description ?? '', bankId: bank.id, topicId: body.topicId ?? null,
    orgId: p.orgId, orgPath: p.orgPath, orgIds, targetPaths, draw: body.draw ?? null, questionIds: body.questionIds ?? null, points,
    questionCount, maxScore, passScore: body.passScore, timeLimitSeconds: body.timeLimitSeconds, attemptsAllowed: body.attemptsAllowed,
    scoreRule: body.scoreRule ?? 'best', reviewPolicy: body.reviewPolicy ?? (keysReadable ? 'immediate' : 'never'), opensAt, closesAt,
    onlineWeight: body.onlineWeight ?? DEFAULT_ONLINE_WEIGHT, offlineMaxScore: body.offlineMaxScore ?? 100, createdBy: p.userId, createdAt: now.toISOString(),
  };
}
