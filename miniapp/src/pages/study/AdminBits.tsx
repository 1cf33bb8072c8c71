import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { getSession } from '../../api/session';
import { apiBaseUrl } from '../../api/base-url';

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

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="admin-field">
      <View className="muted admin-field__label">{label}</View>
      {children}
    </View>
  );
}

/** Downloads a file the API serves to signed-in users (H5 only: a fetch with the token, then a blob link). */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const token = getSession()?.token;
  const res = await fetch(`${apiBaseUrl()}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`下载失败（HTTP ${res.status}）`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
