import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import {
  closeExpiredQuestions, DUEL_COUNT, DUEL_QUESTION_SECONDS, DUEL_WAIT_SECONDS, duelOutcome, pickFresh, questionWinner, type AnswerVerdict, type DuelAnswer, type DuelState,
} from '@kaimen/shared';
import { archiveItem } from '../archive/store';
import { keys, ttlIn } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { newId } from '../lib/ids';
import { conflict, forbidden, notFound } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { member } from './member';
import { recordOutcomes } from './mistakes';
import { earnItems } from './points';
import { checkLetters, grade, playSeed, poolFor, shownQuestion, toPlay, verdict, type PlayQuestion } from './pool';
import { rankOrgs } from './scope';
import { getStats } from './stats';

/** Seconds between both players joining and the first question (the phones show a countdown). */
const COUNTDOWN_MS = 3_000;
/** Kept on top of each question's time when the mistakes book may reveal a round's answers. */
const GRACE_MS = 2_000;

interface DuelPlayer {
  userId: string;
  name: string;
  orgPath: string;
}

interface StoredAnswer extends DuelAnswer {
  letters: string[];
}

/**
 * One head-to-head round. Answers of question i live in the map `a<i>` keyed by player, so "first
 * answer of this player to this question" is a condition on one attribute: two racing submissions
 * of one player count once. The open question moves on when both answered, or at its deadline on the
 * server's clock (a silent player missed it); a player who misses two in a row dropped out and loses by timeout.
 */
interface DuelRecord {
  id: string;
  status: 'waiting' | 'playing' | 'finished';
  hostId: string;
  players: DuelPlayer[];
  questions: PlayQuestion[];
  createdAt: string;
  expiresMs: number;
  index: number;
  openMs: number;
  rev: number;
  a0: Record<string, StoredAnswer>;
  a1: Record<string, StoredAnswer>;
  a2: Record<string, StoredAnswer>;
  a3: Record<string, StoredAnswer>;
  a4: Record<string, StoredAnswer>;
  winner?: string | null;
  endedBy?: 'complete' | 'timeout';
}

const answersOf = (d: DuelRecord, i: number) => (d as unknown as Record<string, Record<string, StoredAnswer>>)[`a${i}`] ?? {};

async function getDuel(id: string): Promise<DuelRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.duel(id), ConsistentRead: true }));
  return Item as DuelRecord | undefined;
}

export async function createDuel(p: Principal, now: Date): Promise<DuelRecord> {
  const m = member(p);
  const [pool, stats, orgs] = await Promise.all([poolFor(m.orgPath, now.getTime()), getStats(m.userId), rankOrgs(m.orgPath)]);
  if (pool.length < DUEL_COUNT) throw conflict('您所在组织的题库题目不足，暂时不能对战');
  const id = newId(now.getTime());
  const questions = pickFresh(pool, stats.seen ?? new Set(), DUEL_COUNT, playSeed(id)).map((q) => toPlay(q, id));
  const t = now.getTime();
  const d: DuelRecord = {
    id, status: 'waiting', hostId: m.userId, players: [{ userId: m.userId, name: m.name, orgPath: m.orgPath }], questions, createdAt: now.toISOString(),
    expiresMs: t + DUEL_WAIT_SECONDS * 1000, index: 0, openMs: 0, rev: 0, a0: {}, a1: {}, a2: {}, a3: {}, a4: {},
  };
  const lobby = orgs.branch ? { ...keys.duelsOpen(orgs.branch), ...keys.duelOpenSort(d.createdAt, id) } : {};
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.duel(id), ...lobby, type: 'duel', ttl: ttlIn(30 * 86_400, t), ...d } }));
  return d;
}

/** Rounds of the caller's branch still waiting for a second player. */
export async function openDuels(p: Principal, now: Date) {
  const m = member(p);
  const { branch } = await rankOrgs(m.orgPath);
  if (!branch) return { items: [] };
  const items = await queryAll({
    IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', FilterExpression: 'expiresMs > :now AND hostId <> :me',
    ExpressionAttributeValues: { ':pk': keys.duelsOpen(branch).gsi1pk, ':now': now.getTime(), ':me': m.userId },
  });
  return { items: items.map((i) => ({ duelId: i.id as string, host: (i.players as DuelPlayer[])[0]!.name, createdAt: i.createdAt as string })) };
}

/** The second player joins (from the branch's list, or from a share link: any bound member may). */
export async function joinDuel(p: Principal, duelId: string, now: Date): Promise<DuelRecord> {
  const m = member(p);
  const d = await getDuel(duelId);
  if (!d) throw notFound('对战不存在');
  if (d.players.some((x) => x.userId === m.userId)) return d;
  if (d.status !== 'waiting') throw conflict('这场对战已经有人加入了');
  if (now.getTime() > d.expiresMs) throw conflict('对战邀请已过期，请重新发起');
  const openMs = now.getTime() + COUNTDOWN_MS;
  const me: DuelPlayer = { userId: m.userId, name: m.name, orgPath: m.orgPath };
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.duel(d.id),
      UpdateExpression: 'SET #status = :playing, players = list_append(players, :me), openMs = :open, rev = rev + :one REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#status = :waiting AND expiresMs >= :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':playing': 'playing', ':me': [me], ':open': openMs, ':one': 1, ':waiting': 'waiting', ':now': now.getTime() },
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw conflict('这场对战已经有人加入了');
    throw err;
  }
  return { ...d, status: 'playing', players: [...d.players, me], openMs, rev: d.rev + 1 };
}

function isPlayer(d: DuelRecord, userId: string) {
  return d.players.some((x) => x.userId === userId);
}

/** Loads a round, closing the questions whose deadline passed and settling it when it is over. */
export async function loadDuel(p: Principal, duelId: string, now: Date): Promise<DuelRecord> {
  for (let round = 0; round < 4; round++) {
    const d = await getDuel(duelId);
    if (!d) throw notFound('对战不存在');
    if (d.status === 'waiting' && !isPlayer(d, p.userId)) throw forbidden('请先加入这场对战');
    if (d.status !== 'waiting' && !isPlayer(d, p.userId)) throw forbidden('您不是这场对战的选手');
    if (d.status !== 'playing') return d;
    const closing = closeExpiredQuestions(d.players.map((x) => x.userId), d.index, d.openMs, d.questions.map((_, i) => answersOf(d, i)), now.getTime());
    const closed = withMisses(d, closing.missed, closing.index, closing.openMs);
    if (closing.dropped.length || closed.index >= DUEL_COUNT) return settle(closed, now, closing.missed, closing.dropped);
    if (!closing.missed.length) return d;
    const set = missSets(closing.missed);
    try {
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.duel(d.id),
        UpdateExpression: `SET #index = :i, openMs = :open, rev = rev + :one, ${set.expressions.join(', ')}`,
        ConditionExpression: '#status = :playing AND rev = :rev',
        ExpressionAttributeNames: { '#status': 'status', '#index': 'index', ...set.names },
        ExpressionAttributeValues: { ':i': closed.index, ':open': closed.openMs, ':one': 1, ':playing': 'playing', ':rev': d.rev, ...set.values },
      }));
      return { ...closed, rev: d.rev + 1 };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
  throw conflict('读取对战时遇到并发操作，请稍后重试');
}

/** The round with its silent players' misses stored and the question moved on (in memory). */
function withMisses(d: DuelRecord, missed: { index: number; userId: string; at: number }[], index: number, openMs: number): DuelRecord {
  const next = { ...d, index, openMs } as DuelRecord & Record<string, Record<string, StoredAnswer>>;
  for (const m of missed) next[`a${m.index}`] = { ...answersOf(next, m.index), [m.userId]: { at: m.at, correct: false, missed: true, letters: [] } };
  return next;
}

/** SET clauses storing each miss in its question's answer map. */
function missSets(missed: { index: number; userId: string; at: number }[]) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const expressions = missed.map((m, j) => {
    names[`#ma${j}`] = `a${m.index}`;
    names[`#mu${j}`] = m.userId;
    values[`:mv${j}`] = { at: m.at, correct: false, missed: true, letters: [] };
    return `#ma${j}.#mu${j} = :mv${j}`;
  });
  return { names, values, expressions };
}

/**
 * Records a player's answer to the open question: server time, server grading. The write is
 * conditioned on this player not having answered it and on what the other player had done when we
 * read, so two racing submissions count once and the question moves on exactly once.
 */
export async function answerDuel(p: Principal, duelId: string, index: number, letters: string[], now: Date): Promise<{ duel: DuelRecord; last: AnswerVerdict }> {
  for (let round = 0; round < 4; round++) {
    const d = await loadDuel(p, duelId, now);
    if (d.status === 'waiting') throw conflict('对手还没有加入');
    if (d.status === 'finished') throw conflict(answersOf(d, index)[p.userId]?.missed ? '本题作答时间已到（以服务器时间为准），对战已结束' : '对战已经结束');
    const t = now.getTime();
    if (t < d.openMs) throw conflict('题目尚未开始');
    if (answersOf(d, index)[p.userId]?.missed) throw conflict('本题作答时间已到（以服务器时间为准），按未作答计');
    if (index !== d.index) throw conflict(index < d.index ? '这道题已经结束了' : '还没到这道题');
    const answers = answersOf(d, index);
    if (answers[p.userId]) throw conflict('这道题已经答过了，每题只计一次');
    const q = d.questions[index]!;
    checkLetters(q, letters);
    const other = d.players.find((x) => x.userId !== p.userId)!;
    const otherDone = Boolean(answers[other.userId]);
    const mine: StoredAnswer = { at: t, correct: grade(q, letters), letters };
    const advance = otherDone ? ', #index = :next, openMs = :now' : '';
    try {
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.duel(d.id),
        UpdateExpression: `SET #a.#me = :mine, rev = rev + :one${advance}`,
        ConditionExpression: `#status = :playing AND #index = :i AND attribute_not_exists(#a.#me) AND ${otherDone ? 'attribute_exists' : 'attribute_not_exists'}(#a.#other)`,
        ExpressionAttributeNames: { '#a': `a${index}`, '#me': p.userId, '#other': other.userId, '#status': 'status', '#index': 'index' },
        ExpressionAttributeValues: { ':mine': mine, ':one': 1, ':playing': 'playing', ':i': index, ...(otherDone ? { ':next': index + 1, ':now': t } : {}) },
      }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) continue;
      throw err;
    }
    const updated: DuelRecord = { ...d, [`a${index}`]: { ...answers, [p.userId]: mine }, rev: d.rev + 1, ...(otherDone ? { index: index + 1, openMs: t } : {}) };
    await recordOutcomes(p.userId, [{ question: q, correct: mine.correct, source: '双人对战', revealAt: roundLatestEnd(d, index) }], now);
    const duel = updated.index >= DUEL_COUNT ? await settle(updated, now) : updated;
    return { duel, last: verdict(q, letters, false) };
  }
  const fresh = await getDuel(duelId);
  if (fresh && answersOf(fresh, index)[p.userId]) throw conflict('这道题已经答过了，每题只计一次');
  throw conflict('提交时遇到并发操作，请稍后重试');
}

/**
 * Ends a round once, for both players: the round (with the misses that closed it), each player's
 * result and points (win 2 units, draw or loss 1; none for a player who dropped out), in one
 * transaction conditioned on the round still playing at the same revision.
 */
async function settle(d: DuelRecord, now: Date, missed: { index: number; userId: string; at: number }[] = [], droppedOut: string[] = []): Promise<DuelRecord> {
  const ids = d.players.map((x) => x.userId);
  const closed = Math.min(d.index, DUEL_COUNT);
  const timedOut = droppedOut.length > 0;
  const questions = d.questions.slice(0, closed).map((_, i) => answersOf(d, i));
  let { winner } = duelOutcome(ids, questions);
  if (timedOut) {
    const present = ids.filter((u) => !droppedOut.includes(u));
    winner = present.length === 1 ? present[0]! : null;
  }
  const endedBy = timedOut ? 'timeout' : 'complete';
  const set = missSets(missed);
  for (let round = 0; round < 4; round++) {
    const items: Record<string, unknown>[] = [{
      Update: {
        TableName: table(), Key: keys.duel(d.id),
        UpdateExpression: `SET #status = :done, winner = :w, endedBy = :by, rev = rev + :one, #index = :i, openMs = :open${set.expressions.map((e) => `, ${e}`).join('')}`,
        ConditionExpression: '#status = :playing AND rev = :rev', ExpressionAttributeNames: { '#status': 'status', '#index': 'index', ...set.names },
        ExpressionAttributeValues: { ':done': 'finished', ':w': winner, ':by': endedBy, ':one': 1, ':playing': 'playing', ':rev': d.rev, ':i': d.index, ':open': d.openMs, ...set.values },
      },
    }];
    for (const player of d.players) {
      const dropped = droppedOut.includes(player.userId);
      const units = dropped ? 0 : winner === player.userId ? 2 : 1;
      const earn = await earnItems(player, 'duel', units, now.getTime());
      const opponent = d.players.find((x) => x.userId !== player.userId)!;
      const result = winner === null ? '平局' : winner === player.userId ? '胜' : '负';
      items.push(
        { Put: { TableName: table(), Item: { ...keys.duelResult(player.userId, d.id), type: 'duelResult', duelId: d.id, opponent: opponent.name, result, endedBy, at: now.toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...earn.items,
      );
      if (earn.items.length === 0) {
        // Keep the round in the archive even when it earns nothing.
        items.push({ Put: { TableName: table(), Item: archiveItem(player.userId, { id: `duel-${d.id}`, kind: 'points', refId: `duel-${d.id}`, at: now.toISOString(), title: `双人对战（对手 ${opponent.name}）`, points: 0, detail: `${result}${endedBy === 'timeout' ? '（超时）' : ''}` }) } });
      }
    }
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items as never }));
      return { ...d, status: 'finished', winner, endedBy, rev: d.rev + 1 };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const fresh = await getDuel(d.id);
      if (!fresh || fresh.status === 'finished') return fresh ?? d;
      if (fresh.rev !== d.rev) return fresh.index >= DUEL_COUNT ? settle(fresh, now) : fresh;
      // Same revision, so the round itself did not move: a player's points item changed under us; try again.
    }
  }
  throw conflict('结算时遇到并发操作，请稍后重试');
}

/** The latest a round can end: its right answers are shown in the mistakes book only after that (the other player may still be answering). */
function roundLatestEnd(d: DuelRecord, index: number): string {
  return new Date(d.openMs + (DUEL_COUNT - index) * (DUEL_QUESTION_SECONDS * 1000 + GRACE_MS)).toISOString();
}

export function duelView(d: DuelRecord, userId: string, now: Date, last: AnswerVerdict | null = null): DuelState {
  const t = now.getTime();
  const playing = d.status === 'playing' && d.index < DUEL_COUNT;
  const shown = playing && t >= d.openMs;
  const open = playing ? answersOf(d, d.index) : {};
  const closed = Math.min(d.index, DUEL_COUNT);
  const other = d.players.find((x) => x.userId !== userId);
  const status = d.status === 'waiting' && t > d.expiresMs ? 'expired' : d.status;
  return {
    duelId: d.id, status, you: isPlayer(d, userId) ? userId : null,
    players: d.players.map((x) => ({
      userId: x.userId, name: x.name,
      wins: d.questions.slice(0, closed).filter((_, i) => questionWinner(answersOf(d, i)) === x.userId).length,
      answered: d.questions.filter((_, i) => answersOf(d, i)[x.userId] && !answersOf(d, i)[x.userId]!.missed).length,
    })),
    index: playing ? d.index : null,
    question: shown ? shownQuestion(d.questions[d.index]!) : null,
    questionDeadline: playing ? new Date(d.openMs + DUEL_QUESTION_SECONDS * 1000).toISOString() : null,
    youAnswered: Boolean(open[userId]), otherAnswered: Boolean(other && open[other.userId]),
    results: d.questions.slice(0, closed).map((_, i) => ({ index: i, winner: questionWinner(answersOf(d, i)), youCorrect: answersOf(d, i)[userId]?.correct ?? false })),
    winner: d.winner ?? null, endedBy: d.endedBy ?? null, rev: d.rev, serverTime: now.toISOString(), last,
  };
}
