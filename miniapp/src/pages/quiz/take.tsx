import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

import { call } from '../../api/client';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../hooks/useLoad';
import { QuizRules } from './QuizRules';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { formatClock } from './format';
import { quizUrl } from './links';
import { QuestionView } from './QuestionView';
import { useAttempt } from './useAttempt';
import './take.scss';

const saveLabels = { idle: '', saving: '正在保存…', saved: '答案已保存', failed: '保存失败，将在交卷时一并提交' } as const;

const back = () => {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/quiz/index' });
};

/**
 * A quiz: first the rules and 开始答题 (opening the page starts nothing), then one question at a time
 * with a countdown to the server's deadline, confirm before submitting.
 */
export default function TakeQuizPage() {
  const session = useRequireSession();
  const quizId = useRouter().params.quizId ?? '';
  const quiz = useLoad(() => call(quizRoutes.getQuiz, { params: { quizId } }), [quizId], !!session);
  const [started, setStarted] = useState(false);
  const { attempt, answers, remainingMs, loadError, saveState, submitting, submitError, choose, submit } = useAttempt(quizId, started);
  const [index, setIndex] = useState(0);
  const [showCard, setShowCard] = useState(false);
  const autoSubmitted = useRef(false);

  const finish = async () => {
    const result = await submit();
    if (result && attempt) void Taro.redirectTo({ url: quizUrl('result', { attemptId: attempt.attemptId }) });
  };

  useEffect(() => {
    if (attempt && remainingMs <= 0 && !autoSubmitted.current) {
      autoSubmitted.current = true;
      void Taro.showToast({ title: '时间到，自动交卷', icon: 'none' });
      void finish();
    }
  });

  if (!session) return <Screen title="答题" className="quiz-take" />;
  if (loadError || quiz.error) {
    return (
      <Screen title="答题" className="quiz-take">
        <StatusBlock className="quiz-take-error" tone="error" title="无法开始答题" description={loadError ?? quiz.error}>
          {quiz.error ? <Button type="primary" size="small" onClick={() => void quiz.reload()}>重试</Button> : null}
          <Button className="quiz-take-error-back" size="small" fill="outline" onClick={back}>返回</Button>
        </StatusBlock>
      </Screen>
    );
  }
  if (!started) {
    return (
      <Screen title="答题" className="quiz-take">
        {quiz.data ? <QuizRules quiz={quiz.data} onStart={() => setStarted(true)} onBack={back} /> : <View className="muted quiz-loading">加载中…</View>}
      </Screen>
    );
  }
  if (!attempt) return <Screen title="答题" className="quiz-take"><View className="muted quiz-loading">正在准备试题…</View></Screen>;

  const questions = attempt.questions;
  const q = questions[Math.min(index, questions.length - 1)]!;
  const answered = questions.filter((x) => (answers[x.id] ?? []).length > 0).length;
  const unanswered = questions.length - answered;
  const urgent = remainingMs < 60_000;

  const confirmSubmit = async () => {
    const { confirm } = await Taro.showModal({
      title: '确认交卷',
      content: unanswered > 0 ? `还有 ${unanswered} 题未作答，交卷后不能修改。确定交卷吗？` : '交卷后不能修改答案。确定交卷吗？',
      confirmText: '确认交卷',
      cancelText: '继续答题',
    });
    if (confirm) await finish();
  };

  return (
    <Screen title="答题" className="quiz-take">
      <View className="quiz-take__bar">
        <Text className="quiz-take__title">{attempt.title}</Text>
        <Text className={`quiz-countdown ${urgent ? 'is-urgent' : ''}`}>剩余 {formatClock(remainingMs)}</Text>
      </View>
      <View className="quiz-progress">
        <Text className="quiz-progress__text">第 {index + 1} / {questions.length} 题 · 已答 {answered} 题</Text>
        <View className="quiz-progress__track"><View className="quiz-progress__fill" style={{ width: `${(answered / questions.length) * 100}%` }} /></View>
      </View>
      <View className="card">
        <QuestionView question={q} chosen={answers[q.id] ?? []} onChoose={(letters) => choose(q.id, letters)} />
      </View>
      <View className="quiz-take__nav">
        <Button className="quiz-prev" fill="outline" disabled={index === 0} onClick={() => setIndex(index - 1)}>上一题</Button>
        <Button className="quiz-card-toggle" fill="outline" onClick={() => setShowCard(!showCard)}>{showCard ? '收起答题卡' : '答题卡'}</Button>
        {index < questions.length - 1 ? (
          <Button className="quiz-next" type="primary" onClick={() => setIndex(index + 1)}>下一题</Button>
        ) : (
          <Button className="quiz-submit" type="primary" loading={submitting} disabled={submitting} onClick={() => void confirmSubmit()}>提交答卷</Button>
        )}
      </View>
      {showCard ? (
        <View className="card quiz-answer-card">
          {questions.map((x, i) => (
            <View key={x.id} className={`quiz-answer-card__cell ${(answers[x.id] ?? []).length ? 'is-done' : ''} ${i === index ? 'is-current' : ''}`} role="button" aria-label={`第 ${i + 1} 题${(answers[x.id] ?? []).length ? '（已答）' : ''}`} onClick={() => setIndex(i)}>
              {i + 1}
            </View>
          ))}
          <Button className="quiz-submit-early" block type="primary" fill="outline" disabled={submitting} onClick={() => void confirmSubmit()}>提交答卷</Button>
        </View>
      ) : null}
      <View className="muted quiz-save-state">{saveLabels[saveState]}</View>
      {submitError ? <View className="field-error quiz-submit-error">{submitError}</View> : null}
    </Screen>
  );
}
