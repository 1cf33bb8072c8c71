import { Text, View } from '@tarojs/components';
import { useElderMode } from '../../hooks/useElderMode';
import { setElderMode } from '../../lib/elder';

/** 长辈模式: larger type and tap targets on every page; remembered on this phone. */
export function ElderModeSwitch() {
  const on = useElderMode();
  return (
    <View className="card elder-switch" role="switch" aria-checked={on} aria-label="长辈模式" onClick={() => setElderMode(!on)}>
      <View className="elder-switch__text">
        <Text className="elder-switch__title">长辈模式</Text>
        <Text className="muted elder-switch__hint">字更大、按钮更大，看得清点得准</Text>
      </View>
      <View className={`elder-switch__track ${on ? 'is-on' : ''}`} aria-hidden="true">
        <View className="elder-switch__knob" />
      </View>
    </View>
  );
}
