import { Text, View } from '@tarojs/components';
import { memberStatusLabels } from '@kaimen/shared';
import { formatDate } from '../../lib/format';
import { AdminButton } from '../study/AdminBits';
import { useBranchRoster } from './useBranchRoster';

/** 支部名册: who is on the branch's roster, who has not bound WeChat yet, binding codes to hand out. */
export function RosterPanel({ branchId }: { branchId: string }) {
  const r = useBranchRoster(branchId);
  return (
    <View className="card roster-panel">
      <View className="section-title">支部名册</View>
      <View className="muted roster-summary">
        共 {r.all.length} 人，{r.unboundCount > 0 ? `${r.unboundCount} 人尚未绑定微信` : '已全部绑定'}
      </View>
      <View className="roster-actions">
        <AdminButton onClick={() => r.setOnlyUnbound(!r.onlyUnbound)}>{r.onlyUnbound ? '显示全部' : '只看未绑定'}</AdminButton>
        <AdminButton primary busy={r.busy} disabled={r.unboundCount === 0} onClick={() => void r.codesForAll()}>生成未绑定人员的绑定码</AdminButton>
      </View>
      {r.members.loading ? <View className="muted">加载中…</View> : null}
      {r.members.error ? <View className="form-error">{r.members.error}</View> : null}
      {r.error ? <View className="form-error">{r.error}</View> : null}
      {r.codes.length ? (
        <View className="binding-codes">
          <View className="muted">请将绑定码当面或私信交给本人，7 天内有效，每个只能用一次。</View>
          {r.codes.map((c) => (
            <View key={c.memberId} className="admin-row binding-code">
              <Text>{c.name}</Text>
              <Text className="code">{c.bindingCode}</Text>
              <Text className="muted">至 {formatDate(c.expiresAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {r.shown.map((m) => (
        <View key={m.id} className="admin-row roster-member">
          <View className="admin-row__main">
            <Text>{m.name}</Text>
            <View className="muted">{memberStatusLabels[m.status]}{m.position ? ` · ${m.position}` : ''} · {m.phone}</View>
          </View>
          {m.bound ? <Text className="tag-bound">已绑定</Text> : <AdminButton onClick={() => void r.codeFor(m)}>绑定码</AdminButton>}
        </View>
      ))}
    </View>
  );
}
