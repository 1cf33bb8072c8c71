import { Text, View } from '@tarojs/components';
import { StatusBlock } from '../../components/StatusBlock';
import { UserGreeting } from '../../components/UserGreeting';
import { useRequireSession } from '../../hooks/useSession';

/** 学习: the user's greeting; topics and lessons come in a later issue. */
export default function StudyPage() {
  const session = useRequireSession();
  return (
    <View className="page tab-study">
      {session ? (
        <>
          <UserGreeting user={session.user} />
          <StatusBlock
            className="study-coming-soon"
            title="学习内容即将上线"
            description={<Text>专题课程、原文领读等学习内容正在准备中，敬请期待。</Text>}
          />
        </>
      ) : null}
    </View>
  );
}
