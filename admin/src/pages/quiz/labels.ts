import dayjs from 'dayjs';
import { routes, type Infer } from '@kaimen/shared';

export const dateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export const quizStatusLabels: Record<'upcoming' | 'open' | 'closed', string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };
export const quizStatusColors: Record<'upcoming' | 'open' | 'closed', string> = { upcoming: 'default', open: 'green', closed: 'red' };
export const scoreRuleLabels: Record<'best' | 'last', string> = { best: '取最高分', last: '取最后一次' };
export const reviewPolicyLabels: Record<'immediate' | 'after_close' | 'never', string> = { immediate: '交卷后立即', after_close: '测试结束后', never: '不公布' };
export const typeShort: Record<'single' | 'multiple' | 'judge', string> = { single: '单选', multiple: '多选', judge: '判断' };

export type AdminQuiz = Infer<typeof routes.adminListQuizzes.response>['items'][number];
