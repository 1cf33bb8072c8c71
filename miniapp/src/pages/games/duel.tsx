import { gamesRoutes } from '@kaimen/shared/games/routes';
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { type DuelState } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { gameUrl } from './links';
import { Question } from './Question';
import { useCountdown } from './useCountdown';
import { Screen } from '../../components/Screen';
import './games.scss';

/** How often the phone asks for the round's state (short polling: see the README's head-to-head section). */
const POLL_MS = 1_000;

/** 双人对战: start a round and share its link (or join one of the branch), then answer the same five questions. */
export default function DuelPage() {
  const session = useRequireSession();
  const router = useRouter();
  const [duel, setDuel] = useState<DuelState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const duelId = duel?.duelId ?? router.params.duelId;
  const open = useLoad(() => call(gamesRoutes.openDuels), [], !!session && !duelId);
  const rev = useRef(-1);
  const left = useCountdown(duel?.status === 'playing' ? duel.questionDeadline : null, duel?.serverTime ?? null);

  useShareAppMessage(() => ({ title: `${session?.user.name ?? ''}邀请你来一场双人答题对战`, path: duel ? gameUrl('duel', { duelId: duel.duelId }) : gameUrl('duel') }));

  const act = async (fn: () => Promise<DuelState>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      rev.current = next.rev;
      setDuel(next);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  // Arriving by a share link: join (joining again is harmless), then poll.
  useEffect(() => {
    if (session && router.params.duelId && !duel) void act(() => call(gamesRoutes.joinDuel, { params: { duelId: router.params.duelId! } }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  const live = duel && (duel.status === 'waiting' || duel.status === 'playing');
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => {
      call(gamesRoutes.getDuel, { params: { duelId: duel.duelId } }).then((next) => {
        if (next.rev !== rev.current || next.question?.id !== duel.question?.id) {
          rev.current = next.rev;
          setDuel((prev) => ({ ...next, last: prev && prev.index === next.index ? prev.last : null }));
        }
      }).catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(t);
  }, [live, duel?.duelId, duel?.question?.id]);

  if (!session) return <Screen title="双人对战" className="games-duel" />;
  const me = duel?.players.find((p) => p.userId === duel.you);
  const other = duel?.players.find((p) => p.userId !== duel.you);

  if (!duel) {
    return (
      <Screen title="双人对战" className="games-duel">
        <View className="card game-result">
          <Text className="game-result__title">双人对战</Text>
          <Text className="muted">两人同时回答同样的 5 道题，每题答对且更快者得胜。</Text>
          <Button className="duel-create" type="primary" block loading={busy} onClick={() => void act(() => call(gamesRoutes.createDuel))}>发起对战</Button>
        </View>
        <View className="card">
          <Text className="game-question__type">本支部等待对手的对战</Text>
          {(open.data?.items ?? []).length === 0 ? <Text className="muted">暂无</Text> : null}
          {open.data?.items.map((i) => (
            <View key={i.duelId} className="game-rank__row duel-open">
              <Text className="game-rank__name">{i.host} 发起的对战</Text>
              <Button className="duel-join" size="small" type="primary" onClick={() => void act(() => call(gamesRoutes.joinDuel, { params: { duelId: i.duelId } }))}>加入</Button>
            </View>
          ))}
        </View>
        {error ? <Text className="field-error">{error}</Text> : null}
      </Screen>
    );
  }

  const answer = (letters: string[]) => act(() => call(gamesRoutes.answerDuel, { params: { duelId: duel.duelId }, body: { index: duel.index!, answer: letters } }));
  const share = () => {
    const link = `${location.origin}${location.pathname}#${gameUrl('duel', { duelId: duel.duelId })}`;
    void Taro.setClipboardData({ data: link });
  };

  return (
    <Screen title="双人对战" className="games-duel">
      <View className="game-players">
        <View className="game-player"><Text className="game-player__name">{me?.name ?? '我'}</Text><Text className="game-player__wins duel-my-wins">{me?.wins ?? 0}</Text></View>
        <Text className="muted">VS</Text>
        <View className="game-player"><Text className="game-player__name">{other?.name ?? '等待对手'}</Text><Text className="game-player__wins duel-other-wins">{other?.wins ?? 0}</Text></View>
      </View>
      {duel.status === 'waiting' ? (
        <View className="card game-result duel-waiting">
          <Text className="game-result__title">等待对手加入…</Text>
          <Text className="muted">本支部的同志可在“双人对战”里直接加入；也可以把链接发给同事。</Text>
          {process.env.TARO_ENV === 'weapp'
            ? <Button className="duel-share" type="primary" block openType="share">邀请同事</Button>
            : <Button className="duel-share" type="primary" block onClick={share}>复制邀请链接</Button>}
        </View>
      ) : null}
      {duel.status === 'playing' ? (
        <>
          <View className="game-dots">
            {[0, 1, 2, 3, 4].map((i) => {
              const r = duel.results[i];
              return <View key={i} className={`game-dot ${r ? (r.winner === duel.you ? 'is-right' : 'is-wrong') : i === duel.index ? 'is-current' : ''}`} />;
            })}
          </View>
          {duel.question ? (
            <>
              <Text className={`game-bar duel-countdown ${left !== null && left <= 5 ? 'is-urgent' : ''}`}>
                {left === null ? '' : left > 0 ? `本题剩余 ${left} 秒` : duel.youAnswered ? '本题时间到' : '本题时间到，未作答'}
              </Text>
              <Question key={duel.question.id} question={duel.question} verdict={duel.youAnswered ? duel.last ?? { questionId: duel.question.id, correct: false, yourAnswer: [], correctAnswer: null, explanation: null } : null} busy={busy} onAnswer={(l) => void answer(l)} />
              <Text className="muted duel-other">{duel.otherAnswered ? `${other?.name ?? '对手'}已作答` : `${other?.name ?? '对手'}思考中…`}</Text>
            </>
          ) : <View className="card game-result"><Text className="game-result__title">准备开始…</Text></View>}
        </>
      ) : null}
      {duel.status === 'finished' || duel.status === 'expired' ? (
        <View className="card game-result duel-finished">
          <Text className="game-result__title">{duel.status === 'expired' ? '邀请已过期' : duel.winner === null ? '平局' : duel.winner === duel.you ? '你赢了' : '你输了'}</Text>
          {duel.endedBy === 'timeout' ? <Text className="muted">有选手连续两题未在规定时间内作答，按超时判负</Text> : null}
          <Text className="muted">比分 {me?.wins ?? 0} : {other?.wins ?? 0}</Text>
        </View>
      ) : null}
      {error ? <Text className="field-error">{error}</Text> : null}
    </Screen>
  );
}
