import * as z from 'zod/mini';

// Alone in this file so the games area's route table can name question types and options without
// building every question-bank schema.

/** Objective question types (单选, 多选, 判断). */
export const questionTypes = ['single', 'multiple', 'judge'] as const;
export const questionType = z.enum(questionTypes);
export type QuestionType = z.infer<typeof questionType>;

export const questionTypeLabels: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/** Option keys of the bank template: 选项A–F. */
export const optionKeys = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type OptionKey = (typeof optionKeys)[number];

/** A judge question's two options, fixed: A 对 (true), B 错 (false). */
export const judgeOptions = [{ key: 'A', text: '对' }, { key: 'B', text: '错' }] as const;

export const option = z.object({ key: z.string(), text: z.string() });
export type QuizOption = z.infer<typeof option>;
