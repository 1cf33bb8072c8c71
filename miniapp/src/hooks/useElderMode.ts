import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { isElderMode, onElderModeChange } from '../lib/elder';

/** Whether 长辈模式 is on; follows the switch in 我的 and (weapp) the system font setting when shown again. */
export function useElderMode(): boolean {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => onElderModeChange(setOn), []);
  useDidShow(() => setOn(isElderMode()));
  return on;
}
