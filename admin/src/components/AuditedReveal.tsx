import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';

interface Props {
  /** Shown once the admin chose to open them (each opening is written to the views log). */
  revealed: boolean;
  notice: string;
  buttonLabel: string;
  buttonClassName: string;
  onOpen: () => void;
  children: ReactNode;
}

/** Confidential records stay closed until an admin opens them on purpose, after reading that it is logged. */
export function AuditedReveal({ revealed, notice, buttonLabel, buttonClassName, onOpen, children }: Props) {
  if (revealed) return <>{children}</>;
  return (
    <Space direction="vertical">
      <Typography.Paragraph type="secondary">{notice}</Typography.Paragraph>
      <Button icon={<EyeOutlined />} onClick={onOpen} className={buttonClassName}>{buttonLabel}</Button>
    </Space>
  );
}
