import { gamesRoutes } from '@kaimen/shared/games/routes';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { type RankPeriod, type RankScope } from '@kaimen/shared';
import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { openGamePage } from './links';
import { Screen } from '../../components/Screen';
import './games.scss';

const scopes: { key: RankScope; label: string }[] = [{ key: 'branch', label: '本支部' }, { key: 'institution', label: '本单位' }, { key: 'bureau', label: '本局' }];
const periods: { key: RankPeriod; label: string }[] = [{ key: 'week', label: '本周' }, { key: 'month', label: '本月' }, { key: 'year', label: '本年' }];

const entries = [
  { page: 'daily', title: '每日答题', hint: '每天 5 题，连续作答' },
  { page: 'challenge', title: '挑战答题', hint: '答错即止，看能连对几题' },
  { page: 'duel', title: '双人对战', hint: '同答 5 题，快且对者胜' },
  { page: 'mistakes', title: '错题本', hint: '错题重练，连对两次移出' },
] as const;

/** 答题闯关: the four games and the points rankings. */
export default function GamesPage() {
  const session = useRequireSession();
  const member = !!session && session.user.roles.length > 0;
  const [scope, setScope] = useState<RankScope>('branch');
  const [period, setPeriod] = useState<RankPeriod>('week');
  const ranking = useLoad(() => call(gamesRoutes.rankings, { query: { scope, period } }), [scope, period], member);
  useDidShow(() => {
    if (member) void ranking.reload();
  });
  if (!session) return <Screen title="答题闯关" className="games-home" />;
  if (!member) return <Screen title="答题闯关" className="games-home"><StatusBlock title="请先绑定党员身份" description="在“我的”页输入绑定码后即可参加答题。" /></Screen>;
  return (
    <Screen title="答题闯关" className="games-home">
      <View className="game-hub">
        {entries.map((e) => (
          <View key={e.page} className={`game-entry game-entry--${e.page}`} role="button" onClick={() => openGamePage(e.page)}>
            <Text className="game-entry__title">{e.title}</Text>
            <Text className="muted">{e.hint}</Text>
          </View>
        ))}
      </View>
      <View className="card game-rank">
        <View className="game-bar"><Text className="game-bar__big">积分排行</Text><Text>我的积分 {ranking.data?.mine ?? 0}</Text></View>
        <View className="game-rank__tabs" role="tablist" aria-label="排行范围与时段">
          {scopes.map((s) => <View key={s.key} className={`game-rank__tab ${scope === s.key ? 'is-active' : ''}`} role="tab" aria-selected={scope === s.key} onClick={() => setScope(s.key)}>{s.label}</View>)}
          {periods.map((p) => <View key={p.key} className={`game-rank__tab ${period === p.key ? 'is-active' : ''}`} role="tab" aria-selected={period === p.key} onClick={() => setPeriod(p.key)}>{p.label}</View>)}
        </View>
        {ranking.error ? <Text className="field-error">{ranking.error}</Text> : null}
        {ranking.data && ranking.data.items.length === 0 ? <Text className="muted">还没有人得分，去答几题吧</Text> : null}
        {ranking.data?.items.map((i) => (
          <View key={i.userId} className={`game-rank__row ${i.userId === session.user.id ? 'is-me' : ''}`}>
            <Text className="game-rank__no">{i.rank}</Text>
            <Text className="game-rank__name">{i.name}</Text>
            <Text>{i.points} 分</Text>
          </View>
        ))}
      </View>
    </Screen>
  );
}
