import * as z from 'zod/mini';
import { id } from '../http/common';
import { page } from '../http/pagination';
import { option, questionType, type QuestionType, type QuizOption } from './question-kinds';

export {
  judgeOptions, option, optionKeys, questionType, questionTypeLabels, questionTypes, type OptionKey, type QuestionType, type QuizOption,
} from './question-kinds';

/** A question as the bank stores it, answer and explanation included (never sent to a member before grading). */
export interface QuestionContent {
  type: QuestionType;
  stem: string;
  options: QuizOption[];
  /** Original option keys of the right answer, sorted. */
  answer: string[];
  explanation: string;
  tags: string[];
}

const tag = z.string().check(z.minLength(1, '标签不能为空'), z.maxLength(20, '标签最多 20 个字'));
const optionText = z.string().check(z.minLength(1, '选项内容不能为空'), z.maxLength(500, '选项最多 500 个字'));

/** Adding or editing a question by hand: the same rules as a template row (see bank-rows.ts). */
export const questionBody = z.strictObject({
  type: questionType,
  stem: z.string().check(z.trim(), z.minLength(1, '请填写题干'), z.maxLength(1000, '题干最多 1000 个字')),
  /** Option texts in order A, B, C…; judge questions take none (对/错 are implied). */
  options: z.optional(z.array(optionText).check(z.maxLength(6, '最多 6 个选项'))),
  /** Letters such as `A` or `ACD`, or 对/错 for judge. */
  answer: z.string().check(z.minLength(1, '请填写答案'), z.maxLength(12, '答案格式不正确')),
  explanation: z.optional(z.string().check(z.maxLength(2000, '解析最多 2000 个字'))),
  tags: z.optional(z.array(tag).check(z.maxLength(10, '最多 10 个标签'))),
});
export type QuestionBody = z.infer<typeof questionBody>;

export const adminQuestion = z.object({
  id: z.string(),
  bankId: z.string(),
  type: questionType,
  stem: z.string(),
  options: z.array(option),
  answer: z.array(z.string()),
  explanation: z.string(),
  tags: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminQuestion = z.infer<typeof adminQuestion>;
export const adminQuestionPage = page(adminQuestion);

export const questionParams = z.strictObject({ bankId: id, questionId: id });

export const createBankBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, '请填写题库名称'), z.maxLength(100, '题库名称最多 100 个字')),
  /** The org that owns the bank; the caller's own org when absent. */
  orgId: z.optional(id),
});

export const bank = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  questionCount: z.number(),
  createdAt: z.string(),
});
export type Bank = z.infer<typeof bank>;
export const bankPage = page(bank);
export const bankParams = z.strictObject({ bankId: id });

export const questionImportRowError = z.object({ row: z.number(), message: z.string() });
export type QuestionImportRowError = z.infer<typeof questionImportRowError>;
export const questionImportResult = z.object({ imported: z.number(), skipped: z.number(), errors: z.array(questionImportRowError) });

export const templateQuery = z.strictObject({ format: z.optional(z.enum(['xlsx', 'csv'])) });
