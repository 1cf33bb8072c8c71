import { Text, View } from '@tarojs/components';
import type { User } from '@kaimen/shared';
import './UserGreeting.scss';

/** "<name>，您好" and the user's organisation. */
export function UserGreeting({ user }: { user: User }) {
  const org = user.orgName ?? (user.orgId ? '' : '尚未绑定组织');
  return (
    <View className="card user-greeting">
      <Text className="user-greeting__hello">{user.name}，您好</Text>
      {org ? <Text className="user-greeting__org">{org}</Text> : null}
    </View>
  );
}
