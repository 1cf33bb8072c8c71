import { gamesRoutes } from '@kaimen/shared/games/routes';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { type ChallengeState } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { Question } from './Question';
import { Screen } from '../../components/Screen';
import './games.scss';

const endedLabels = { mistake: '答错了，挑战结束', timeout: '时间到，挑战结束', complete: '全部答对，挑战成功' } as const;

/** 挑战答题: one question after another until the first mistake or the clock; the server keeps the clock. */
export default function ChallengePage() {
  const session = useRequireSession();
  const [run, setRun] = useState<ChallengeState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setRun(await call(gamesRoutes.startChallenge));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (!run?.questionDeadline) return;
    const offset = Date.parse(run.serverTime) - Date.now();
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(run.questionDeadline!) - Date.now() - offset) / 1000)));
    tick();
    const t = setInterval(tick, 500);
    return () => clearInterval(t);
  }, [run]);

  const answer = async (letters: string[]) => {
    setBusy(true);
    setError(null);
    try {
      setRun(await call(gamesRoutes.answerChallenge, { params: { runId: run!.runId }, body: { questionId: run!.question!.id, answer: letters } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (!session) return <Screen title="挑战答题" className="games-challenge" />;
  return (
    <Screen title="挑战答题" className="games-challenge">
      {!run ? (
        <View className="card game-result">
          <Text className="game-result__title">挑战答题</Text>
          <Text className="muted">连续答题，答错一题或超时即结束；每连续答对 3 题得 1 分。</Text>
          <Button className="game-start" type="primary" block loading={busy} onClick={() => void start()}>开始挑战</Button>
        </View>
      ) : (
        <>
          <View className="game-bar">
            <Text>已连续答对 <Text className="game-bar__big games-challenge__length">{run.length}</Text> 题</Text>
            <Text>{run.status === 'open' ? `剩余 ${left} 秒` : ''}</Text>
          </View>
          {run.status === 'open' && run.question ? (
            <Question key={run.question.id} question={run.question} busy={busy} onAnswer={(l) => void answer(l)} />
          ) : (
            <View className="card game-result games-challenge-end">
              <Text className="game-result__title">{run.endedBy ? endedLabels[run.endedBy] : ''}</Text>
              <Text className="muted">本次连对 {run.length} 题，得 {run.awarded} 分；个人最好 {run.personalBest} 题，支部最好 {run.branchBest} 题</Text>
              {run.last && !run.last.correct && run.last.correctAnswer ? <Text className="game-verdict__answer">上一题正确答案：{run.last.correctAnswer.join('')}{run.last.explanation ? `。${run.last.explanation}` : ''}</Text> : null}
              <Button className="game-start" type="primary" block loading={busy} onClick={() => void start()}>再来一次</Button>
            </View>
          )}
        </>
      )}
      {error ? <Text className="field-error">{error}</Text> : null}
    </Screen>
  );
}
