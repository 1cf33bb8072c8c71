import { gamesRoutes } from '@kaimen/shared/games/routes';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { type AnswerVerdict } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { StatusBlock } from '../../components/StatusBlock';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { openGamePage } from './links';
import { Question } from './Question';
import { Screen } from '../../components/Screen';
import './games.scss';

/** 每日答题: today's five questions one by one; each answer is checked on the server, then explained. */
export default function DailyPage() {
  const session = useRequireSession();
  const set = useLoad(() => call(gamesRoutes.getDaily), [], !!session);
  const [fresh, setFresh] = useState<Record<string, AnswerVerdict>>({});
  const [index, setIndex] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [extra, setExtra] = useState({ points: 0, streak: null as number | null });
  if (!session || set.loading) return <Screen title="每日答题" className="games-daily"><Text className="muted">加载中…</Text></Screen>;
  if (set.error || !set.data) return <Screen title="每日答题" className="games-daily"><StatusBlock tone="error" title="加载失败" description={set.error ?? ''} /></Screen>;
  const d = set.data;
  const verdicts: Record<string, AnswerVerdict> = { ...Object.fromEntries(d.verdicts.map((v) => [v.questionId, v])), ...fresh };
  const firstOpen = d.questions.findIndex((q) => !verdicts[q.id]);
  const at = index ?? (firstOpen === -1 ? d.questions.length : firstOpen);
  const q = d.questions[at];
  const answered = Object.keys(verdicts).length;
  const points = d.pointsToday + extra.points;
  const streak = extra.streak ?? d.streak;

  const answer = async (letters: string[]) => {
    setBusy(true);
    setError(null);
    try {
      const res = await call(gamesRoutes.answerDaily, { body: { questionId: q!.id, answer: letters } });
      setFresh({ ...fresh, [q!.id]: res.verdict });
      setExtra({ points: extra.points + res.awarded, streak: res.done ? res.streak : extra.streak });
      setIndex(at);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="每日答题" className="games-daily">
      <View className="game-bar">
        <Text>第 {Math.min(at + 1, d.questions.length)} / {d.questions.length} 题</Text>
        <Text className="games-daily__points">今日得分 {points} · 连续 {streak} 天</Text>
      </View>
      <View className="game-dots">
        {d.questions.map((x, i) => <View key={x.id} className={`game-dot ${verdicts[x.id] ? (verdicts[x.id]!.correct ? 'is-right' : 'is-wrong') : i === at ? 'is-current' : ''}`} />)}
      </View>
      {q ? (
        <>
          <Question key={q.id} question={q} verdict={verdicts[q.id]} busy={busy} onAnswer={(l) => void answer(l)} />
          {error ? <Text className="field-error">{error}</Text> : null}
          {verdicts[q.id] ? (
            <Button className="game-next" type="primary" block onClick={() => setIndex(answered >= d.questions.length ? d.questions.length : null)}>
              {answered >= d.questions.length ? '查看结果' : '下一题'}
            </Button>
          ) : null}
        </>
      ) : (
        <View className="card game-result games-daily-done">
          <Text className="game-result__title">今日答题完成</Text>
          <Text className="muted">答对 {Object.values(verdicts).filter((v) => v.correct).length} 题，得 {points} 分，已连续 {streak} 天</Text>
          <Button className="game-to-mistakes" fill="outline" block onClick={() => openGamePage('mistakes')}>去错题本</Button>
        </View>
      )}
    </Screen>
  );
}
