import { View } from '@tarojs/components';
import { useRequireSession } from '../../hooks/useSession';
import { PlansPanel } from './PlansPanel';
import { ReflectionReview } from './ReflectionReview';
import { SessionsPanel } from './SessionsPanel';
import './study.scss';
import './admin.scss';

/** The secretary's study pages (H5): plans and who is behind, reflections to approve, offline sessions with check-in. */
export default function BranchStudyPage() {
  const session = useRequireSession();
  if (!session) return <View className="page" />;
  return (
    <View className="page study-admin">
      <PlansPanel />
      <ReflectionReview />
      <SessionsPanel />
    </View>
  );
}
