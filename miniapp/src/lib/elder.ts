import Taro from '@tarojs/taro';

/** The class that switches on the larger theme (see app.scss); on <html> in H5, on each page's root in the weapp. */
export const ELDER_CLASS = 'kaimen-elder';

const STORAGE_KEY = 'kaimen.elderMode';
/** WeChat's standard font size in px; anything larger is the member's large-font setting. */
const STANDARD_FONT_PX = 17;

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

/** What the member chose in 我的, or null when they never chose (then the system setting decides). */
export function elderChoice(): boolean | null {
  try {
    const v: unknown = Taro.getStorageSync(STORAGE_KEY);
    return v === 'on' ? true : v === 'off' ? false : null;
  } catch {
    return null;
  }
}

/** WeChat's large-font setting (weapp only; a browser has no such setting to read). */
export function systemPrefersLarge(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const info = (Taro.getAppBaseInfo ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeSetting?: number };
    return (info.fontSizeSetting ?? STANDARD_FONT_PX) > STANDARD_FONT_PX;
  } catch {
    return false;
  }
}

export function isElderMode(): boolean {
  return elderChoice() ?? systemPrefersLarge();
}

/** H5: the class on <html> makes every page, including ones that never heard of it, use the larger theme. */
export function applyElderMode(on = isElderMode()): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle(ELDER_CLASS, on);
}

export function setElderMode(on: boolean): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // storage full: the switch still works until the app is closed
  }
  applyElderMode(on);
  listeners.forEach((l) => l(on));
}

export function onElderModeChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
