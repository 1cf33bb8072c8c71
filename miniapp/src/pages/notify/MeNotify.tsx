import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Role } from '@kaimen/shared';
import { Cell, CellGroup } from '../../ui';
import { refreshUnreadBadge } from './badge';
import { notifyPages } from './links';
import { SubscribeCard } from './SubscribeCard';

/** On 我的: 消息 with its unread count, 我的意见, and for secretaries their reminders (书记工具). */
export function MeNotify({ roles }: { roles: Role[] }) {
  const [unread, setUnread] = useState(0);
  useDidShow(() => void refreshUnreadBadge().then(setUnread));
  return (
    <>
      <CellGroup className="me-notify">
        <Cell
          className="me-inbox-link"
          title="消息"
          extra={<Text className={unread > 0 ? 'me-unread' : 'muted'}>{unread > 0 ? `${unread} 条未读 ›` : '›'}</Text>}
          onClick={() => void Taro.navigateTo({ url: notifyPages.inbox })}
        />
        <Cell className="me-suggestions-link" title="我的意见" extra={<Text className="muted">办理进度与答复 ›</Text>} onClick={() => void Taro.navigateTo({ url: notifyPages.suggestions })} />
      </CellGroup>
      {roles.includes('secretary') ? (
        <View className="card me-secretary-tools">
          <Text className="section-title">书记工具</Text>
          <SubscribeCard groups={['work']} label="订阅工作提醒" hint="会议、月报到期和退回提醒" />
        </View>
      ) : null}
    </>
  );
}
