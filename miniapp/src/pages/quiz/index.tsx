import { View } from '@tarojs/components';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';

/** 测试: quizzes come in a later issue. */
export default function QuizPage() {
  const session = useRequireSession();
  return (
    <View className="page tab-quiz">
      {session ? (
        <StatusBlock
          className="quiz-coming-soon"
          title="知识测试即将上线"
          description="专题测试和小测验正在准备中，敬请期待。"
        />
      ) : null}
    </View>
  );
}
