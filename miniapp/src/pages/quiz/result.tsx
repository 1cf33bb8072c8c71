import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type AttemptResult } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { answerText, formatDateTime, typeLabels } from './format';
import { Leaderboard } from './Leaderboard';
import { quizUrl } from './links';
import { Screen } from '../../components/Screen';
import './result.scss';

/** The result of one attempt and, when the quiz allows, the review with right answers and explanations. */
export default function QuizResultPage() {
  const session = useRequireSession();
  const attemptId = useRouter().params.attemptId ?? '';
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!session || !attemptId) return;
    call(quizRoutes.getAttempt, { params: { attemptId } })
      .then((view) => {
        if (view.status === 'graded' && view.result) setResult(view.result);
        else if (view.attempt) void Taro.redirectTo({ url: quizUrl('take', { quizId: view.attempt.quizId }) });
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [session, attemptId]);

  if (!session) return <Screen title="测试成绩" className="quiz-result" />;
  if (error) return <Screen title="测试成绩" className="quiz-result"><StatusBlock tone="error" title="无法查看成绩" description={error} /></Screen>;
  if (!result) return <Screen title="测试成绩" className="quiz-result"><View className="muted quiz-loading">加载中…</View></Screen>;

  return (
    <Screen title="测试成绩" className="quiz-result">
      <View className={`card quiz-score ${result.passed ? 'is-passed' : 'is-failed'}`}>
        <Text className="quiz-score__title">{result.title}</Text>
        <View className="quiz-score__value">
          <Text className="quiz-score__number">{result.score}</Text>
          <Text className="quiz-score__max"> / {result.maxScore} 分</Text>
        </View>
        <Text className="quiz-score__verdict">{result.passed ? '恭喜，测试通过' : `未及格（及格线 ${result.passScore} 分）`}</Text>
        <View className="muted quiz-score__facts">
          答对 {result.correctCount} / {result.questionCount} 题 · {formatDateTime(result.submittedAt)}{result.endedBy === 'expired' ? ' · 超时自动交卷' : ''}
        </View>
        <View className="muted">成绩已记入学习档案</View>
      </View>
      {result.review ? (
        <View className="quiz-review">
          <View className="section-title">答案解析</View>
          {result.review.map((r, i) => (
            <View key={r.questionId} className={`card quiz-review__item ${r.correct ? 'is-correct' : 'is-wrong'}`}>
              <View className="quiz-review__head">
                <Text>{i + 1}. {typeLabels[r.type]}</Text>
                <Text className="quiz-review__mark">{r.correct ? `✓ 得 ${r.points} 分` : '✗ 未得分'}</Text>
              </View>
              <Text className="quiz-review__stem">{r.stem}</Text>
              {r.options.map((o) => (
                <View key={o.key} className={`quiz-review__option ${r.correctAnswer.includes(o.key) ? 'is-answer' : ''} ${r.yourAnswer.includes(o.key) ? 'is-yours' : ''}`}>
                  {r.type === 'judge' ? '' : `${o.key}. `}{o.text}
                </View>
              ))}
              <View className="quiz-review__answers">
                你的答案：{r.yourAnswer.length ? answerText(r.type, r.yourAnswer, r.options) : '未作答'}{'，'}正确答案：{answerText(r.type, r.correctAnswer, r.options)}
              </View>
              {r.explanation ? <View className="quiz-review__explanation">解析：{r.explanation}</View> : null}
            </View>
          ))}
        </View>
      ) : (
        <View className="card muted quiz-review-later">
          {result.reviewAvailableAt ? `答案和解析将于 ${formatDateTime(result.reviewAvailableAt)} 测试结束后公布。` : '本次测试不公布答案和解析。'}
        </View>
      )}
      <Leaderboard quizId={result.quizId} memberId={session.user.id} />
      <Button className="quiz-back" block fill="outline" onClick={() => void Taro.switchTab({ url: '/pages/quiz/index' })}>返回测试列表</Button>
    </Screen>
  );
}
