import { Text, View } from '@tarojs/components';
import type { MemberQuiz } from '@kaimen/shared';
import { Button } from '../../ui';
import { formatDateTime, formatDuration } from './format';

/** Why the member cannot start, or null when they can. */
export function cannotStart(quiz: MemberQuiz): string | null {
  if (quiz.activeAttemptId) return null;
  if (quiz.myStatus === 'upcoming' || quiz.status === 'upcoming') return `测试将于 ${formatDateTime(quiz.opensAt)} 开始`;
  if (quiz.status === 'closed') return '测试已结束';
  if (quiz.attemptsUsed >= quiz.attemptsAllowed) return '作答次数已用完';
  return null;
}

/** The start screen: the rules, then 开始答题. Nothing is started (and no attempt used) until the button. */
export function QuizRules({ quiz, onStart, onBack }: { quiz: MemberQuiz; onStart: () => void; onBack: () => void }) {
  const left = Math.max(0, quiz.attemptsAllowed - quiz.attemptsUsed);
  const blocked = cannotStart(quiz);
  const rules: [string, string][] = [
    ['题目', `${quiz.questionCount} 题，满分 ${quiz.maxScore} 分`],
    ['及格', `${quiz.passScore} 分`],
    ['限时', `${formatDuration(quiz.timeLimitSeconds)}（开始后计时，到时自动交卷）`],
    ['剩余次数', quiz.activeAttemptId ? '本次答题尚未交卷，可继续作答' : `还可作答 ${left} 次（共 ${quiz.attemptsAllowed} 次）`],
    ['截止', formatDateTime(quiz.closesAt)],
  ];
  return (
    <View className="quiz-rules">
      <View className="card">
        <View className="quiz-rules__title" role="heading" aria-level={2}>{quiz.title}</View>
        {quiz.description ? <Text className="quiz-rules__description">{quiz.description}</Text> : null}
        {rules.map(([label, value]) => (
          <View key={label} className={`quiz-rule quiz-rule--${label}`}>
            <Text className="quiz-rule__label">{label}</Text>
            <Text className="quiz-rule__value">{value}</Text>
          </View>
        ))}
        <View className="muted quiz-rules__note">开始后请一次答完；中途离开，计时不会暂停。</View>
      </View>
      {blocked ? <View className="card quiz-rules__blocked">{blocked}</View> : null}
      <Button className="quiz-start" type="primary" block disabled={!!blocked} onClick={onStart}>
        {quiz.activeAttemptId ? '继续答题' : '开始答题'}
      </Button>
      <Button className="quiz-rules-back" block fill="outline" onClick={onBack}>返回</Button>
    </View>
  );
}
