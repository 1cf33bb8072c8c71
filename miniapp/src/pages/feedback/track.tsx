import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { StatusBlock } from '../../components/StatusBlock';
import { Screen } from '../../components/Screen';
import { useShare } from '../../hooks/useShare';
import { Button, Input } from '../../ui';
import { TrackedSuggestion } from './TrackedSuggestion';
import { pageUrl } from './links';
import { useTracking } from './useTracking';
import { View } from '@tarojs/components';
import './track.scss';

/** 查询办理进度: a suggestion by its tracking code (`?code=` or typed; dashes and case do not matter). */
export default function TrackPage() {
  const fromLink = useRouter().params.code ?? '';
  const [input, setInput] = useState(fromLink);
  const { code, tracked, setTracked, loading, error, lookUp } = useTracking();
  useShare(() => ({ title: '查询意见建议办理进度', path: code && tracked ? pageUrl('track', { code }) : pageUrl('track') }));

  useEffect(() => {
    if (fromLink) void lookUp(fromLink);
  }, [fromLink, lookUp]);

  return (
    <Screen title="查询办理进度" className="track-page">
      <View className="card track-search">
        <Input className="track-code-input" name="trackingCode" aria-label="查询码" placeholder="请输入查询码，如 K7QM-3XPA-9TRB" value={input} maxLength={40} clearable onChange={setInput} />
        <Button className="track-submit" type="primary" block loading={loading} disabled={loading} onClick={() => void lookUp(input)}>
          查询
        </Button>
      </View>
      {loading && !tracked ? <View className="muted track-loading">正在查询…</View> : null}
      {error ? <StatusBlock className="track-error" tone="error" title="查询失败" description={error} /> : null}
      {tracked && !error ? <TrackedSuggestion code={code} tracked={tracked} onRated={setTracked} /> : null}
    </Screen>
  );
}
