import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { type Infer } from '@kaimen/shared';
import { call } from '../../api/client';

type Board = Infer<typeof quizRoutes.leaderboard.response>;

/** The branch's ranking for a quiz (排行榜), below the member's result. */
export function Leaderboard({ quizId, memberId }: { quizId: string; memberId: string }) {
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    call(quizRoutes.leaderboard, { params: { quizId }, query: { scope: 'branch' } }).then(setBoard).catch(() => setBoard(null));
  }, [quizId]);
  if (!board || board.items.length === 0) return null;
  return (
    <View className="card quiz-leaderboard">
      <View className="section-title">本支部排行</View>
      {board.items.slice(0, 20).map((e) => (
        <View key={e.memberId} className={`quiz-leaderboard__row ${e.memberId === memberId ? 'is-me' : ''}`}>
          <Text className="quiz-leaderboard__rank">{e.rank}</Text>
          <Text className="quiz-leaderboard__name">{e.name}</Text>
          <Text className="quiz-leaderboard__score">{e.score} 分</Text>
        </View>
      ))}
    </View>
  );
}
