import { Button, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';

interface Props {
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrev: () => void;
  onNext: () => void;
}

/** 上一页 / 下一页 over the API's cursors (the lists have no total count). */
export function CursorPager({ page, hasPrev, hasNext, loading, onPrev, onNext }: Props) {
  if (!hasPrev && !hasNext) return null;
  return (
    <Space className="cursor-pager" style={{ marginTop: 16, float: 'right' }}>
      <Button size="small" icon={<LeftOutlined />} disabled={!hasPrev || loading} onClick={onPrev}>上一页</Button>
      <Typography.Text type="secondary">第 {page} 页</Typography.Text>
      <Button size="small" disabled={!hasNext || loading} onClick={onNext}>下一页 <RightOutlined /></Button>
    </Space>
  );
}
