import { lessonKindLabels, studyModeLabels, type LessonKind, type StudyMode } from '@kaimen/shared';

/** A lesson's length in whole minutes (约 1 分钟 at least): nobody plans their study in seconds. */
export function lengthLabel(seconds: number): string {
  return `约 ${Math.max(1, Math.round(seconds / 60))} 分钟`;
}

/** Minutes as a whole number: 0.3 学习分钟 reads as a fault. */
export function wholeMinutes(minutes: number): number {
  return Math.floor(minutes + 1e-9);
}

/** Time spent on a lesson: 45 秒, 3 分 05 秒. */
export function studyClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} 秒`;
  return `${Math.floor(s / 60)} 分 ${String(s % 60).padStart(2, '0')} 秒`;
}

/**
 * 图文 · 宣讲导学; the study mode is left out when the words around it already say it
 * (a topic called 支部书记领学 need not be followed by 支部书记领学 again).
 */
export function lessonTags(kind: LessonKind, mode: StudyMode, alreadySaid: string[] = []): string {
  const modeLabel = studyModeLabels[mode];
  const core = modeLabel.replace(/^支部/, '');
  const said = alreadySaid.some((t) => t.includes(modeLabel) || t.includes(core));
  return said ? lessonKindLabels[kind] : `${lessonKindLabels[kind]} · ${modeLabel}`;
}

export function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
