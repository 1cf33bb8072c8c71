import * as z from 'zod/mini';

/** The nine ways of studying (九学, DOMAIN.md): every lesson and offline session is tagged with one. */
export const studyModes = [
  'self_study', 'lecture', 'expert', 'secretary_led', 'reading_class', 'sharing', 'event', 'inspection', 'evaluation',
] as const;
export const studyMode = z.enum(studyModes, '请选择九学中的一种学习方式');
export type StudyMode = z.infer<typeof studyMode>;

export const studyModeLabels: Record<StudyMode, string> = {
  self_study: '集中自学',
  lecture: '宣讲导学',
  expert: '专家解读助学',
  secretary_led: '支部书记领学',
  reading_class: '读书班/影视研学',
  sharing: '分享促学',
  event: '重要活动跟学',
  inspection: '巡回指导督学',
  evaluation: '评价体系评学',
};

export const lessonKinds = ['article', 'audio', 'video'] as const;
export const lessonKind = z.enum(lessonKinds, '课程类型应为图文、音频或视频');
export type LessonKind = z.infer<typeof lessonKind>;

export const lessonKindLabels: Record<LessonKind, string> = { article: '图文', audio: '音频', video: '视频' };
