import { inspectRoutes } from '@kaimen/shared/inspect/routes';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Tag } from '../../ui';
import { LoadState } from '../orglife/LoadState';
import './inspect.scss';

/** 我的 › 自查事项报告: the forms the signed-in person is asked to file, with what is still to do. */
export default function MyInspectionsPage() {
  const session = useRequireSession();
  const list = useLoad(() => call(inspectRoutes.myInspections), [], !!session);
  const items = list.data?.items ?? [];
  return (
    <Screen title="自查事项报告" className="inspect-list">
      <View className="card">
        <View className="section-title">需要我填报的自查事项报告表</View>
        <LoadState loading={list.loading} error={list.error} empty={list.data && items.length === 0 ? '目前没有需要填报的报告表' : undefined} />
        {items.map((f) => (
          <View key={f.formId} className="inspect-row" onClick={() => void Taro.navigateTo({ url: `/pages/inspect/file?formId=${f.formId}` })}>
            <View className="inspect-row__main">
              <View className="inspect-row__title">{f.title}</View>
              <View className="muted">{f.orgName} · 截止 {f.deadline}</View>
            </View>
            {f.filedAt ? <Tag type="success">已提交</Tag> : f.overdue ? <Tag type="danger">已逾期</Tag> : <Tag type="warning">待填报</Tag>}
          </View>
        ))}
      </View>
    </Screen>
  );
}
