import { View } from '@tarojs/components';
import './ChoiceChips.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  options: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  className?: string;
  disabled?: boolean;
}

/** A row of tappable chips, one of which may be chosen (large targets for phones). */
export function ChoiceChips<T extends string>({ options, value, onChange, className, disabled }: Props<T>) {
  return (
    <View className={`choice-chips ${className ?? ''}`} role="radiogroup">
      {options.map((o) => (
        <View
          key={o.value}
          className={`choice-chip${o.value === value ? ' choice-chip--selected' : ''}${disabled ? ' choice-chip--disabled' : ''}`}
          data-value={o.value}
          role="radio"
          aria-checked={o.value === value}
          onClick={() => (disabled ? undefined : onChange(o.value))}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
