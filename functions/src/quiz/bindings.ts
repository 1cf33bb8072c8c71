import { DEFAULT_LIMIT, validateBankRows, validateQuestionInput, XLSX_MEDIA_TYPE } from '@kaimen/shared';
import { quizRoutes as routes } from '@kaimen/shared/quiz/routes';
import { bind, FileReply, type Binding } from '../lib/api';
import { newId } from '../lib/ids';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import { readSheet } from '../lib/sheets';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getOrg } from '../org/store';
import { gradeAndRecord, saveAnswers } from './attempt-store';
import { checkAnswers, isLate, myAttempt, ownAttempt, resultView, settleIfExpired, startAttempt, startedView } from './attempts';
import { addQuestion, adminQuestion, createBank, getQuestion, importQuestions, listBanks, listQuestions, publicBank, updateQuestion } from './bank-store';
import { buildQuiz, managedBank } from './create';
import { offlineRows, recordOfflineScores } from './offline';
import { getQuiz, getStanding, isTarget, listQuizzesInOrg, mayManage, memberQuiz, putQuiz, quizzesForMember, adminQuiz, type QuizRecord } from './quiz-store';
import { leaderboardOf, resultsWorkbook, statsOf } from './results';
import { templateCsv, templateWorkbook } from './template';

function contentOrThrow(input: Parameters<typeof validateQuestionInput>[0]) {
  const content = validateQuestionInput(input);
  if (typeof content === 'string') throw validationFailed(content, [{ path: 'question', message: content }]);
  return content;
}

async function managedQuiz(p: Principal, quizId: string): Promise<QuizRecord> {
  const quiz = await getQuiz(quizId);
  if (!quiz) throw notFound('测试不存在');
  if (!mayManage(p, quiz)) throw forbidden('这次测试不在您所管理的组织范围内');
  return quiz;
}

/** A quiz the caller may look at as a participant (or manages). */
async function visibleQuiz(p: Principal, quizId: string): Promise<QuizRecord> {
  const quiz = await getQuiz(quizId);
  if (!quiz || !(isTarget(quiz, p.orgPath) || mayManage(p, quiz))) throw notFound('测试不存在或不面向您所在的组织');
  return quiz;
}

export const bindings: Binding[] = [
  bind(routes.createQuestionBank, async ({ body, principal, now }) => {
    const orgId = body.orgId ?? principal.orgId;
    const org = orgId ? await getOrg(orgId) : undefined;
    if (!org) throw validationFailed('组织不存在', [{ path: 'orgId', message: '组织不存在' }]);
    assertInScope(principal, org.path);
    const record = { id: newId(now.getTime()), title: body.title, orgId: org.id, orgPath: org.path, createdBy: principal.userId, createdAt: now.toISOString() };
    await createBank(record);
    return { id: record.id, title: record.title, orgId: record.orgId, questionCount: 0, createdAt: record.createdAt };
  }),

  bind(routes.listQuestionBanks, async ({ query, principal }) => {
    if (!principal.orgPath) throw forbidden();
    return listBanks(principal.orgPath, query.limit ?? DEFAULT_LIMIT, query.cursor);
  }),

  bind(routes.getQuestionBank, async ({ params, principal }) => publicBank(await managedBank(principal, params.bankId))),

  bind(routes.questionBankTemplate, async ({ query }) => {
    if (query.format === 'csv') return new FileReply(templateCsv(), 'text/csv; charset=utf-8', '题库导入模板.csv');
    return new FileReply(await templateWorkbook(), XLSX_MEDIA_TYPE, '题库导入模板.xlsx');
  }),

  bind(routes.importQuestions, async ({ params, raw, principal, now }) => {
    const bank = await managedBank(principal, params.bankId);
    const sheet = await readSheet(raw!.contentType, raw!.bytes);
    const { questions, errors } = validateBankRows(sheet.map((r) => r.cells), sheet.map((r) => r.row));
    if (errors.length) {
      const problem = validationFailed(
        errors[0]!.row === 0 ? errors[0]!.message : `文件中有 ${errors.length} 行有误，未导入任何题目，请修改后重新上传`,
        errors.map((e) => ({ path: `rows[${e.row}]`, row: e.row, message: e.message })),
      );
      Object.assign(problem.problem, { imported: 0, skipped: 0 });
      throw problem;
    }
    return { ...(await importQuestions(bank.id, questions, now)), errors: [] };
  }),

  bind(routes.listQuestions, async ({ params, query, principal }) => {
    const bank = await managedBank(principal, params.bankId);
    return listQuestions(bank.id, query.limit ?? DEFAULT_LIMIT, query.cursor);
  }),

  bind(routes.addQuestion, async ({ params, body, principal, now }) => {
    const bank = await managedBank(principal, params.bankId);
    return adminQuestion(await addQuestion(bank.id, contentOrThrow(body), now));
  }),

  bind(routes.updateQuestion, async ({ params, body, principal, now }) => {
    const bank = await managedBank(principal, params.bankId);
    const old = await getQuestion(bank.id, params.questionId);
    if (!old) throw notFound('题目不存在');
    return adminQuestion(await updateQuestion(old, contentOrThrow(body), now));
  }),

  bind(routes.createQuiz, async ({ body, principal, now }) => {
    const quiz = await buildQuiz(principal, body, now);
    await putQuiz(quiz);
    return adminQuiz(quiz, now);
  }),

  bind(routes.adminListQuizzes, async ({ query, principal, now }) => {
    if (!principal.orgPath) throw forbidden();
    return listQuizzesInOrg(principal.orgPath, query.limit ?? DEFAULT_LIMIT, query.cursor, now);
  }),

  bind(routes.quizStats, async ({ params, principal }) => statsOf(await managedQuiz(principal, params.quizId), principal)),

  bind(routes.exportQuizResults, async ({ params, principal, now }) => {
    const quiz = await managedQuiz(principal, params.quizId);
    const date = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    return new FileReply(await resultsWorkbook(quiz, principal), XLSX_MEDIA_TYPE, `${quiz.title}-成绩-${date}.xlsx`);
  }),

  bind(routes.recordOfflineScores, async ({ params, body, principal, now }) => {
    const quiz = await managedQuiz(principal, params.quizId);
    return recordOfflineScores(quiz, principal, body.scores.map((s, i) => ({ row: i + 1, ...s })), now);
  }),

  bind(routes.importOfflineScores, async ({ params, raw, principal, now }) => {
    const quiz = await managedQuiz(principal, params.quizId);
    const { rows, errors } = offlineRows(await readSheet(raw!.contentType, raw!.bytes));
    if (errors.length) {
      throw validationFailed(errors[0]!.row === 0 ? errors[0]!.message : `文件中有 ${errors.length} 行有误，未录入任何成绩`, errors.map((e) => ({ path: `rows[${e.row}]`, row: e.row, message: e.message })));
    }
    return recordOfflineScores(quiz, principal, rows, now);
  }),

  bind(routes.listQuizzes, async ({ query, principal, now }) => {
    const all = await quizzesForMember(principal, now);
    const items = all.filter((q) => (!query.topicId || q.topicId === query.topicId) && (!query.status || q.myStatus === query.status));
    return { items, nextCursor: null };
  }),

  bind(routes.getQuiz, async ({ params, principal, now }) => {
    const quiz = await visibleQuiz(principal, params.quizId);
    return memberQuiz(quiz, await getStanding(quiz.id, principal.userId), now);
  }),

  bind(routes.startAttempt, async ({ params, principal, now }) => {
    const { quiz, attempt } = await startAttempt(principal, params.quizId, now);
    return startedView(quiz, attempt, now);
  }),

  bind(routes.leaderboard, async ({ params, query, principal }) => {
    const quiz = await visibleQuiz(principal, params.quizId);
    return leaderboardOf(quiz, principal, query.scope ?? 'branch');
  }),

  bind(routes.getAttempt, async ({ params, principal, now }) => {
    const { quiz, attempt } = await ownAttempt(principal, params.attemptId);
    const settled = await settleIfExpired(quiz, attempt, now);
    if (settled.status === 'in_progress') return { status: 'in_progress' as const, attempt: startedView(quiz, settled, now) };
    return { status: 'graded' as const, result: resultView(quiz, settled, now) };
  }),

  bind(routes.saveAnswers, async ({ params, body, principal, now }) => {
    const attempt = await myAttempt(principal, params.attemptId);
    if (attempt.status !== 'in_progress') throw conflict('这次答题已经交卷');
    if (isLate(attempt, now)) throw conflict('已超过答题时间，不能再保存答案');
    checkAnswers(attempt, body.answers);
    const outcome = await saveAnswers(attempt, body.answers, body.seq, now);
    if (outcome === 'rejected') throw conflict('这次答题已经交卷或超过答题时间');
    const answered = Object.values(body.answers).filter((a) => a.length > 0).length;
    return { savedAt: now.toISOString(), answered, deadline: attempt.deadline };
  }),

  bind(routes.submitAttempt, async ({ params, body, principal, now }) => {
    const { quiz, attempt } = await ownAttempt(principal, params.attemptId);
    if (attempt.status !== 'in_progress') throw conflict('这次答题已经交卷，不能重复提交');
    if (isLate(attempt, now)) {
      await settleIfExpired(quiz, attempt, now);
      throw conflict('已超过答题时间，本次提交无效；系统已按截止前保存的答案评分');
    }
    checkAnswers(attempt, body.answers);
    const { attempt: graded } = await gradeAndRecord(quiz, attempt, body.answers, 'submitted', now);
    return resultView(quiz, graded, now);
  }),
];
