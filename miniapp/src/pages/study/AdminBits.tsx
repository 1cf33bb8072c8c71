import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

/** One labelled horizontal bar (plain CSS: readable on a PC and printable). */
export function BarRow({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  return (
    <View className="chart-row">
      <Text className="chart-row__label">{label}</Text>
      <View className="chart-row__bar"><View className="chart-row__fill" style={{ width: `${max > 0 ? Math.min(100, (100 * value) / max) : 0}%` }} /></View>
      <Text className="chart-row__value">{text}</Text>
    </View>
  );
}

/**
 * A plain, compact button for the PC admin pages (NutUI's buttons are sized for a phone and scaled
 * with the viewport). `busy` disables it while its action runs.
 */
export function AdminButton({ primary, className, disabled, busy, onClick, children }: {
  primary?: boolean;
  className?: string;
  disabled?: boolean;
  busy?: boolean;
  onClick?: () => void;
  children: ReactNode;
}) {
  const classes = ['admin-btn', primary ? 'admin-btn--primary' : '', busy ? 'admin-btn--busy' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} disabled={disabled || busy} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * A label and its control: the <label> element names the control for screen readers and makes the
 * label tappable. `group`: several controls with labels of their own (check boxes), named as a group.
 */
export function Field({ label, group, children }: { label: string; group?: boolean; children: ReactNode }) {
  if (group) {
    return (
      <View className="admin-field" role="group" aria-label={label}>
        <View className="muted admin-field__label" aria-hidden="true">{label}</View>
        {children}
      </View>
    );
  }
  return (
    <label className="admin-field">
      <span className="muted admin-field__label">{label}</span>
      {children}
    </label>
  );
}

