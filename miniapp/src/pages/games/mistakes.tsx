import { gamesRoutes } from '@kaimen/shared/games/routes';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { type AnswerVerdict, type Mistake } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { StatusBlock } from '../../components/StatusBlock';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { formatDateTime } from '../quiz/format';
import { Question } from './Question';
import { Screen } from '../../components/Screen';
import './games.scss';

/** 错题本: the member's own wrong answers; practise one again, two right in a row and it leaves. */
export default function MistakesPage() {
  const session = useRequireSession();
  const book = useLoad(() => call(gamesRoutes.listMistakes), [], !!session);
  const [practising, setPractising] = useState<Mistake | null>(null);
  const [verdict, setVerdict] = useState<(AnswerVerdict & { cleared: boolean; rightInARow: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const answer = async (letters: string[]) => {
    setError(null);
    try {
      const res = await call(gamesRoutes.practiseMistake, { body: { bankId: practising!.bankId, questionId: practising!.questionId, answer: letters } });
      setVerdict({ ...res.verdict, cleared: res.cleared, rightInARow: res.rightInARow });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const back = () => {
    setPractising(null);
    setVerdict(null);
    void book.reload();
  };

  if (!session) return <Screen title="错题本" className="games-mistakes" />;
  if (practising) {
    return (
      <Screen title="错题本" className="games-mistakes">
        <Question key={practising.questionId} question={{ id: practising.questionId, type: practising.type, stem: practising.stem, options: practising.options }} verdict={verdict} onAnswer={(l) => void answer(l)} />
        {verdict ? <Text className="muted games-mistakes__streak">{verdict.cleared ? '已连续答对两次，这道题移出错题本' : verdict.correct ? '再答对一次即可移出错题本' : '答错了，重新计数'}</Text> : null}
        {error ? <Text className="field-error">{error}</Text> : null}
        <Button className="game-back" fill="outline" block onClick={back}>返回错题本</Button>
      </Screen>
    );
  }
  const items = book.data?.items ?? [];
  return (
    <Screen title="错题本" className="games-mistakes">
      {book.error ? <StatusBlock tone="error" title="加载失败" description={book.error} /> : null}
      {!book.loading && !book.error && items.length === 0 ? <StatusBlock title="错题本是空的" description="答错的题会自动收进来。" /> : null}
      {items.map((m) => (
        <View key={`${m.bankId}-${m.questionId}`} className="card game-mistake">
          <Text className="game-question__type">{m.source} · 错 {m.wrongCount} 次 · {formatDateTime(m.lastWrongAt)}</Text>
          <Text className="game-question__stem">{m.stem}</Text>
          {m.options.map((o) => <Text key={o.key} className="muted" style={{ display: 'block' }}>{m.type === 'judge' ? o.text : `${o.key}. ${o.text}`}</Text>)}
          {m.correctAnswer ? (
            <Text className="game-verdict__answer">正确答案：{m.type === 'judge' ? m.options.filter((o) => m.correctAnswer!.includes(o.key)).map((o) => o.text).join('') : m.correctAnswer.join('')}{m.explanation ? `。${m.explanation}` : ''}</Text>
          ) : (
            <Text className="muted">{m.revealAt ? `答案将于 ${formatDateTime(m.revealAt)} 后公布` : '该测试不公布答案'}</Text>
          )}
          <Button className="game-practise" size="small" type="primary" fill="outline" disabled={!m.correctAnswer} onClick={() => setPractising(m)}>重练（已连对 {m.rightInARow} 次）</Button>
        </View>
      ))}
    </Screen>
  );
}
