import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { channelLabels, channels, statusLabels, suggestionStatuses, type Campaign } from '@kaimen/shared';
import type { InboxFilter } from './inbox-labels';

interface Props {
  campaign?: Campaign;
  value: InboxFilter;
  onChange: (f: InboxFilter) => void;
}

/** The inbox's filter bar: every change applies at once (the list goes back to its first page). */
export function InboxFilters({ campaign, value, onChange }: Props) {
  const set = (patch: Partial<InboxFilter>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={[8, 8]} className="inbox-filters" style={{ marginBottom: 12 }}>
      <Select className="filter-category" allowClear placeholder="全部类别" style={{ width: 160 }} value={value.category}
        onChange={(category) => set({ category })} options={(campaign?.categories ?? []).map((c) => ({ value: c.key, label: c.label }))} />
      <Select className="filter-status" allowClear placeholder="全部状态" style={{ width: 150 }} value={value.status}
        onChange={(status) => set({ status })} options={suggestionStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} />
      <Select className="filter-channel" allowClear placeholder="全部渠道" style={{ width: 130 }} value={value.channel}
        onChange={(channel) => set({ channel })} options={channels.map((c) => ({ value: c, label: channelLabels[c] }))} />
      <Select className="filter-replied" allowClear placeholder="是否答复" style={{ width: 120 }} value={value.replied}
        onChange={(replied) => set({ replied })} options={[{ value: 'yes', label: '已答复' }, { value: 'no', label: '未答复' }]} />
      <Select className="filter-moderation" allowClear placeholder="标记" style={{ width: 130 }} value={value.moderation}
        onChange={(moderation) => set({ moderation })}
        options={[{ value: 'none', label: '未标记' }, { value: 'flagged', label: '已标记（全部）' }, { value: 'spam', label: '无效信息' }, { value: 'duplicate', label: '重复意见' }]} />
      <DatePicker.RangePicker className="filter-range" style={{ width: 240 }}
        value={value.range ? [dayjs(value.range[0]), dayjs(value.range[1])] : null}
        onChange={(r) => set({ range: r && r[0] && r[1] ? [r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')] : undefined })} />
      <Input.Search className="filter-q" allowClear placeholder="搜索意见内容" style={{ width: 220 }} maxLength={50} enterButton="搜索"
        defaultValue={value.q} onSearch={(q) => set({ q })} />
    </Space>
  );
}
