import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './StatusBlock.scss';

interface Props {
  title: string;
  description?: ReactNode;
  tone?: 'info' | 'error';
  className?: string;
  children?: ReactNode;
}

/** A centred notice for empty, loading, error and "coming soon" states (no remote images). */
export function StatusBlock({ title, description, tone = 'info', className, children }: Props) {
  return (
    <View className={`status-block status-block--${tone} ${className ?? ''}`}>
      <Text className="status-block__title">{title}</Text>
      {description ? <View className="status-block__description">{description}</View> : null}
      {children}
    </View>
  );
}
