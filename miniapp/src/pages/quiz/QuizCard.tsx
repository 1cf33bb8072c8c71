import { Text, View } from '@tarojs/components';
import type { MemberQuiz } from '@kaimen/shared';
import { formatDateTime, formatDuration } from './format';

const statusText: Record<MemberQuiz['myStatus'], string> = { open: '进行中', done: '已完成', missed: '已错过', upcoming: '未开始' };

/** One quiz in the list: facts, the member's score, and what a tap does. */
export function QuizCard({ quiz, onOpen }: { quiz: MemberQuiz; onOpen: () => void }) {
  const left = quiz.attemptsAllowed - quiz.attemptsUsed;
  const action = quiz.activeAttemptId ? '继续答题' : quiz.myStatus === 'open' ? (quiz.attemptsUsed ? '再测一次' : '开始答题') : quiz.myStatus === 'done' ? '查看成绩' : quiz.myStatus === 'upcoming' ? '查看须知' : '';
  return (
    <View className={`card quiz-card quiz-card--${quiz.myStatus}`} role="link" onClick={onOpen}>
      <View className="quiz-card__head">
        <Text className="quiz-card__title">{quiz.title}</Text>
        <Text className={`quiz-card__status quiz-card__status--${quiz.myStatus}`}>{statusText[quiz.myStatus]}</Text>
      </View>
      <View className="muted quiz-card__facts">
        {quiz.questionCount} 题 · 满分 {quiz.maxScore} · 及格 {quiz.passScore} · 限时 {formatDuration(quiz.timeLimitSeconds)}
      </View>
      <View className="muted quiz-card__facts">
        {quiz.myStatus === 'upcoming' ? `${formatDateTime(quiz.opensAt)} 开始` : `${formatDateTime(quiz.closesAt)} 截止`}
        {quiz.myStatus === 'open' ? ` · 还可作答 ${left > 0 ? left : 0} 次` : ''}
      </View>
      <View className="quiz-card__foot">
        {quiz.myScore !== null ? (
          <Text className={`quiz-card__score ${quiz.passed ? 'is-passed' : 'is-failed'}`}>
            成绩 {quiz.myScore} 分{quiz.passed ? '（及格）' : '（未及格）'}
          </Text>
        ) : <Text />}
        {action ? <Text className="quiz-card__action nowrap">{action} ›</Text> : null}
      </View>
    </View>
  );
}
