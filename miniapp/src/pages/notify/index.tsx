import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { kindInfo, type Notification } from '@kaimen/shared';
import { errorMessage } from '../../api/error';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { KindSwitches } from './KindSwitches';
import { notifyPages, openLink } from './links';
import { SubscribeCard } from './SubscribeCard';
import { useInbox } from './useInbox';
import { Screen } from '../../components/Screen';
import './notify.scss';

function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 我的 → 消息: every notification, unread first marked with a dot; a tap marks it read and opens what it is about. */
export default function InboxPage() {
  const session = useRequireSession();
  const inbox = useInbox(!!session);
  useEffect(() => {
    if (session) void inbox.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  if (!session) return <Screen title="消息" className="inbox" />;

  const open = async (n: Notification) => {
    try {
      if (!n.readAt) await inbox.markRead([n.id]);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    }
    openLink(n.link);
  };
  const unreadIds = inbox.items.filter((n) => !n.readAt).map((n) => n.id);

  return (
    <Screen title="消息" className="inbox">
      <View className="inbox__toolbar">
        <Text className="inbox-unread">{inbox.unread > 0 ? `${inbox.unread} 条未读` : '没有未读消息'}</Text>
        <Button size="small" fill="none" disabled={unreadIds.length === 0} onClick={() => void inbox.markRead(unreadIds)}>
          全部标为已读
        </Button>
      </View>
      {inbox.error ? <StatusBlock tone="error" title="消息加载失败" description={inbox.error} /> : null}
      {!inbox.error && !inbox.loading && inbox.items.length === 0 ? (
        <StatusBlock title="还没有消息" description="意见答复、测试和学习计划截止、工作提醒都会出现在这里" />
      ) : null}
      {inbox.items.map((n) => (
        <View key={n.id} className={`inbox__item ${n.readAt ? 'inbox__item--read' : 'inbox__item--unread'}`} role="button" onClick={() => void open(n)}>
          {n.readAt ? null : <View className="inbox__dot" />}
          <Text className="inbox__title">{n.title}</Text>
          <Text className="inbox__body">{n.body}</Text>
          <Text className="inbox__meta">{kindInfo[n.kind].label} · {when(n.createdAt)}</Text>
        </View>
      ))}
      {inbox.hasMore ? (
        <Button className="inbox__more" block fill="outline" loading={inbox.loading} onClick={() => void inbox.loadMore()}>
          加载更多
        </Button>
      ) : null}
      <Button className="inbox__mine" block fill="none" onClick={() => void Taro.navigateTo({ url: notifyPages.suggestions })}>
        我提交的意见 ›
      </Button>
      <SubscribeCard groups={['progress', 'study', 'work']} label="订阅微信提醒" hint="意见答复和截止提醒" />
      <KindSwitches />
    </Screen>
  );
}
