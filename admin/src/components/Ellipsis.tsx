import { Typography } from 'antd';

/** Long text on one line, cut with … and shown whole in a tooltip. */
export function Ellipsis({ text, className }: { text: string; className?: string }) {
  return <Typography.Text className={className} ellipsis={{ tooltip: text }} style={{ maxWidth: '100%' }}>{text}</Typography.Text>;
}
