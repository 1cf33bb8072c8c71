import { lessonKindLabels, studyModeLabels, type LessonKind, type StudyMode } from '@kaimen/shared';

export function lengthLabel(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  return `${Math.round(seconds / 60)} 分钟`;
}

export function lessonTags(kind: LessonKind, mode: StudyMode): string {
  return `${lessonKindLabels[kind]} · ${studyModeLabels[mode]}`;
}

export function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
