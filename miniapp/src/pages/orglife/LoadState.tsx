import { View } from '@tarojs/components';

/** One line for loading, an error, or an empty list. */
export function LoadState({ loading, error, empty }: { loading: boolean; error: string | null; empty?: string }) {
  if (error) return <View className="field-error">{error}</View>;
  if (loading) return <View className="muted">加载中…</View>;
  return empty ? <View className="muted">{empty}</View> : null;
}
