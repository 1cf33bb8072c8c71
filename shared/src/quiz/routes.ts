import { route, XLSX_MEDIA_TYPE } from '../api/route';
import { listQuery } from '../http/pagination';
import {
  adminQuestion, adminQuestionPage, bank, bankPage, bankParams, createBankBody, questionImportResult, questionBody, questionParams, templateQuery,
} from './question';
import {
  adminQuiz, adminQuizPage, answersSaved, attemptParams, attemptResult, attemptStarted, attemptView, createQuizBody, memberQuiz,
  memberQuizPage, quizListQuery, quizParams, saveAnswersBody, submitBody,
} from './quiz';
import { leaderboard, leaderboardQuery, offlineScoresBody, offlineScoresResult, quizStats } from './results';

const tag = 'quiz';

export const quizRoutes = {
  createQuestionBank: route({
    id: 'createQuestionBank', method: 'POST', path: '/admin/question-banks', tag, access: 'secretary', status: 201,
    summary: '新建题库', body: createBankBody, response: bank, idempotent: true,
  }),
  listQuestionBanks: route({
    id: 'listQuestionBanks', method: 'GET', path: '/admin/question-banks', tag, access: 'secretary', status: 200,
    summary: '本组织及下级的题库', query: listQuery, response: bankPage,
  }),
  getQuestionBank: route({
    id: 'getQuestionBank', method: 'GET', path: '/admin/question-banks/{bankId}', tag, access: 'secretary', status: 200,
    summary: '题库详情', params: bankParams, response: bank,
  }),
  importQuestions: route({
    id: 'importQuestions', method: 'POST', path: '/admin/question-banks/{bankId}/import', tag, access: 'secretary', status: 200,
    summary: '导入题目（CSV 或 XLSX；有错误行则整份不导入；相同题目不重复导入）', params: bankParams,
    rawBody: ['text/csv', XLSX_MEDIA_TYPE], response: questionImportResult,
  }),
  questionBankTemplate: route({
    id: 'questionBankTemplate', method: 'GET', path: '/admin/question-bank-template', tag, access: 'secretary', status: 200,
    summary: '下载题库导入模板（?format=xlsx|csv）', query: templateQuery, responseMedia: XLSX_MEDIA_TYPE,
  }),
  listQuestions: route({
    id: 'listQuestions', method: 'GET', path: '/admin/question-banks/{bankId}/questions', tag, access: 'secretary', status: 200,
    summary: '题库中的题目（含答案）', params: bankParams, query: listQuery, response: adminQuestionPage,
  }),
  addQuestion: route({
    id: 'addQuestion', method: 'POST', path: '/admin/question-banks/{bankId}/questions', tag, access: 'secretary', status: 201,
    summary: '手工添加题目', params: bankParams, body: questionBody, response: adminQuestion, idempotent: true,
  }),
  updateQuestion: route({
    id: 'updateQuestion', method: 'PUT', path: '/admin/question-banks/{bankId}/questions/{questionId}', tag, access: 'secretary', status: 200,
    summary: '修改题目或标签（已评分的答题记录不受影响）', params: questionParams, body: questionBody, response: adminQuestion,
  }),

  createQuiz: route({
    id: 'createQuiz', method: 'POST', path: '/admin/quizzes', tag, access: 'secretary', status: 201,
    summary: '发布测试', body: createQuizBody, response: adminQuiz, idempotent: true,
  }),
  adminListQuizzes: route({
    id: 'adminListQuizzes', method: 'GET', path: '/admin/quizzes', tag, access: 'secretary', status: 200,
    summary: '本组织及下级发布的测试', query: listQuery, response: adminQuizPage,
  }),
  quizStats: route({
    id: 'quizStats', method: 'GET', path: '/admin/quizzes/{quizId}/stats', tag, access: 'secretary', status: 200,
    summary: '测试统计：参与人数、平均分、及格率、每题正确率（错得最多的在前）', params: quizParams, response: quizStats,
  }),
  exportQuizResults: route({
    id: 'exportQuizResults', method: 'GET', path: '/admin/quizzes/{quizId}/results.xlsx', tag, access: 'secretary', status: 200,
    summary: '导出测试成绩（XLSX，用于年度考评）', params: quizParams, responseMedia: XLSX_MEDIA_TYPE,
  }),
  recordOfflineScores: route({
    id: 'recordOfflineScores', method: 'PUT', path: '/admin/quizzes/{quizId}/offline-scores', tag, access: 'secretary', status: 200,
    summary: '录入线下主观题成绩（本支部党员）', params: quizParams, body: offlineScoresBody, response: offlineScoresResult,
  }),
  importOfflineScores: route({
    id: 'importOfflineScores', method: 'POST', path: '/admin/quizzes/{quizId}/offline-scores/import', tag, access: 'secretary', status: 200,
    summary: '导入线下主观题成绩（XLSX 或 CSV，列：memberId/党员编号, score/成绩）', params: quizParams,
    rawBody: ['text/csv', XLSX_MEDIA_TYPE], response: offlineScoresResult,
  }),

  listQuizzes: route({
    id: 'listQuizzes', method: 'GET', path: '/quizzes', tag, access: 'member', status: 200,
    summary: '我的测试（进行中、已完成、已错过）', query: quizListQuery, response: memberQuizPage,
  }),
  getQuiz: route({
    id: 'getQuiz', method: 'GET', path: '/quizzes/{quizId}', tag, access: 'member', status: 200,
    summary: '测试详情（不含答案）', params: quizParams, response: memberQuiz,
  }),
  startAttempt: route({
    id: 'startAttempt', method: 'POST', path: '/quizzes/{quizId}/attempts', tag, access: 'member', status: 201,
    summary: '开始答题（已有未交卷的答题则继续）：题目与选项顺序就此固定，不含答案', params: quizParams, response: attemptStarted,
  }),
  leaderboard: route({
    id: 'leaderboard', method: 'GET', path: '/quizzes/{quizId}/leaderboard', tag, access: 'member', status: 200,
    summary: '排行榜（本支部或本组织）', params: quizParams, query: leaderboardQuery, response: leaderboard,
  }),
  getAttempt: route({
    id: 'getAttempt', method: 'GET', path: '/attempts/{attemptId}', tag, access: 'member', status: 200,
    summary: '我的一次答题：进行中则返回题目和已保存的答案，已评分则返回成绩', params: attemptParams, response: attemptView,
  }),
  saveAnswers: route({
    id: 'saveAnswers', method: 'PUT', path: '/attempts/{attemptId}/answers', tag, access: 'member', status: 200,
    summary: '边答边存', params: attemptParams, body: saveAnswersBody, response: answersSaved,
  }),
  submitAttempt: route({
    id: 'submitAttempt', method: 'POST', path: '/attempts/{attemptId}/submit', tag, access: 'member', status: 200,
    summary: '交卷：服务器评分；超时、重复或他人的提交一律拒绝', params: attemptParams, body: submitBody, response: attemptResult, idempotent: true,
  }),
};
