import * as z from 'zod/mini';
import { route, XLSX_MEDIA_TYPE } from '../api/route';
import { memberArchive } from './archive-totals';
import {
  checkInBody, checkInResult, createSessionBody, adminStudySession, reflection, reflectionBody, reflectionList, reflectionParams,
  reviewReflectionBody, sessionList, sessionParams,
} from './community';
import {
  adminLesson, adminTopicDetail, createLessonBody, createTopicBody, lesson, lessonParams, orderBody, topic, topicDetail, topicListQuery,
  topicPage, topicParams, updateLessonBody, updateTopicBody,
} from './content';
import { studyHome } from './home';
import { favourite, favouriteList, favouriteParams, resumePoint, searchQuery, searchResult } from './find';
import { createPlanBody, planParams, planProgress, planProgressQuery, studyPlan } from './plan';
import { progressBody, progressResult } from './progress';
import { reportQuery, studyReport } from './report';

const tag = 'study';
const ok = z.object({ ok: z.boolean() });

export const studyRoutes = {
  listTopics: route({
    id: 'listTopics', method: 'GET', path: '/topics', tag, access: 'member', status: 200,
    summary: '我可以学习的专题（本组织及上级发布的）', query: topicListQuery, response: topicPage,
  }),
  getTopic: route({
    id: 'getTopic', method: 'GET', path: '/topics/{topicId}', tag, access: 'member', status: 200,
    summary: '专题及其课程', params: topicParams, response: topicDetail,
  }),
  getLesson: route({
    id: 'getLesson', method: 'GET', path: '/lessons/{lessonId}', tag, access: 'member', status: 200,
    summary: '课程内容（图文已净化）及我的学习进度', params: lessonParams, response: lesson,
  }),
  reportProgress: route({
    id: 'reportProgress', method: 'POST', path: '/lessons/{lessonId}/progress', tag, access: 'member', status: 200,
    summary: '上报学习进度：服务器按真实经过的时间和课程时长核定学习时长，完成只记录一次',
    params: lessonParams, body: progressBody, response: progressResult, idempotent: true,
  }),
  myArchive: route({
    id: 'myArchive', method: 'GET', path: '/me/archive', tag, access: 'member', status: 200,
    summary: '我的学习档案（最新在前）及合计：积分、学习分钟、完成课程、通过测试等', response: memberArchive,
  }),
  studyHome: route({
    id: 'studyHome', method: 'GET', path: '/study/home', tag, access: 'member', status: 200,
    summary: '学习首页：每日一课和我的学习计划', response: studyHome,
  }),
  submitReflection: route({
    id: 'submitReflection', method: 'POST', path: '/lessons/{lessonId}/reflections', tag, access: 'member', status: 201,
    summary: '提交学习心得（支部书记审核后支部内可见）', params: lessonParams, body: reflectionBody, response: reflection, idempotent: true,
  }),
  listLessonReflections: route({
    id: 'listLessonReflections', method: 'GET', path: '/lessons/{lessonId}/reflections', tag, access: 'member', status: 200,
    summary: '本支部已审核通过的心得和我自己的心得', params: lessonParams, response: reflectionList,
  }),
  checkIn: route({
    id: 'checkIn', method: 'POST', path: '/study-sessions/check-in', tag, access: 'member', status: 200,
    summary: '扫码签到集中学习', body: checkInBody, response: checkInResult, idempotent: true,
  }),

  adminListTopics: route({
    id: 'adminListTopics', method: 'GET', path: '/admin/topics', tag, access: 'admin', status: 200,
    summary: '本组织及下级的专题（含未发布）', query: topicListQuery, response: topicPage,
  }),
  createTopic: route({
    id: 'createTopic', method: 'POST', path: '/admin/topics', tag, access: 'admin', status: 201,
    summary: '新建专题', body: createTopicBody, response: topic, idempotent: true,
  }),
  adminGetTopic: route({
    id: 'adminGetTopic', method: 'GET', path: '/admin/topics/{topicId}', tag, access: 'admin', status: 200,
    summary: '专题及全部课程（含未发布）', params: topicParams, response: adminTopicDetail,
  }),
  updateTopic: route({
    id: 'updateTopic', method: 'PATCH', path: '/admin/topics/{topicId}', tag, access: 'admin', status: 200,
    summary: '修改、发布或下架专题', params: topicParams, body: updateTopicBody, response: topic,
  }),
  orderTopics: route({
    id: 'orderTopics', method: 'PUT', path: '/admin/topic-order', tag, access: 'admin', status: 200,
    summary: '调整专题顺序（按给出的编号顺序）', body: orderBody, response: ok,
  }),
  createLesson: route({
    id: 'createLesson', method: 'POST', path: '/admin/topics/{topicId}/lessons', tag, access: 'admin', status: 201,
    summary: '新建课程（图文正文在服务器端净化）', params: topicParams, body: createLessonBody, response: adminLesson, idempotent: true,
  }),
  updateLesson: route({
    id: 'updateLesson', method: 'PATCH', path: '/admin/lessons/{lessonId}', tag, access: 'admin', status: 200,
    summary: '修改、发布或下架课程', params: lessonParams, body: updateLessonBody, response: adminLesson,
  }),
  orderLessons: route({
    id: 'orderLessons', method: 'PUT', path: '/admin/topics/{topicId}/lesson-order', tag, access: 'admin', status: 200,
    summary: '调整专题内课程顺序', params: topicParams, body: orderBody, response: ok,
  }),

  createStudyPlan: route({
    id: 'createStudyPlan', method: 'POST', path: '/admin/study-plans', tag, access: 'secretary', status: 201,
    summary: '制定学习计划（专题、截止时间、适用组织）', body: createPlanBody, response: studyPlan, idempotent: true,
  }),
  listStudyPlans: route({
    id: 'listStudyPlans', method: 'GET', path: '/admin/study-plans', tag, access: 'secretary', status: 200,
    summary: '适用于本组织的学习计划', response: z.object({ items: z.array(studyPlan) }),
  }),
  studyPlanProgress: route({
    id: 'studyPlanProgress', method: 'GET', path: '/admin/study-plans/{planId}/progress', tag, access: 'secretary', status: 200,
    summary: '支部党员的计划完成情况（谁落后了）', params: planParams, query: planProgressQuery, response: planProgress,
  }),
  pendingReflections: route({
    id: 'pendingReflections', method: 'GET', path: '/admin/reflections', tag, access: 'secretary', status: 200,
    summary: '待审核的学习心得（本组织及下级）', response: reflectionList,
  }),
  reviewReflection: route({
    id: 'reviewReflection', method: 'POST', path: '/admin/reflections/{reflectionId}/review', tag, access: 'secretary', status: 200,
    summary: '审核学习心得', params: reflectionParams, body: reviewReflectionBody, response: reflection,
  }),
  createStudySession: route({
    id: 'createStudySession', method: 'POST', path: '/admin/study-sessions', tag, access: 'secretary', status: 201,
    summary: '登记集中学习（生成签到二维码）', body: createSessionBody, response: adminStudySession, idempotent: true,
  }),
  listStudySessions: route({
    id: 'listStudySessions', method: 'GET', path: '/admin/study-sessions', tag, access: 'secretary', status: 200,
    summary: '本组织及下级的集中学习', response: sessionList,
  }),
  getStudySession: route({
    id: 'getStudySession', method: 'GET', path: '/admin/study-sessions/{sessionId}', tag, access: 'secretary', status: 200,
    summary: '集中学习详情：签到码、二维码和签到名单', params: sessionParams, response: adminStudySession,
  }),
  studyReport: route({
    id: 'studyReport', method: 'GET', path: '/admin/study-report', tag, access: 'secretary', status: 200,
    summary: '组织的学习统计（人数、完成率、学习分钟、积分），按支部分列', query: reportQuery, response: studyReport,
  }),
  studyReportXlsx: route({
    id: 'studyReportXlsx', method: 'GET', path: '/admin/study-report.xlsx', tag, access: 'secretary', status: 200,
    summary: '学习统计导出（年度考评用 Excel）', query: reportQuery, responseMedia: XLSX_MEDIA_TYPE,
  }),

  searchStudy: route({
    id: 'searchStudy', method: 'GET', path: '/study/search', tag, access: 'member', status: 200,
    summary: '搜索专题和课程（标题、正文、标签；中文分词）', query: searchQuery, response: searchResult,
  }),
  studyResume: route({
    id: 'studyResume', method: 'GET', path: '/study/resume', tag, access: 'member', status: 200,
    summary: '继续学习：最近学过而未完成的课程', response: resumePoint,
  }),
  listFavourites: route({
    id: 'listFavourites', method: 'GET', path: '/me/favourites', tag, access: 'member', status: 200,
    summary: '我收藏的课程', response: favouriteList,
  }),
  addFavourite: route({
    id: 'addFavourite', method: 'PUT', path: '/me/favourites/{lessonId}', tag, access: 'member', status: 200,
    summary: '收藏课程（重复收藏无影响）', params: favouriteParams, response: favourite,
  }),
  removeFavourite: route({
    id: 'removeFavourite', method: 'DELETE', path: '/me/favourites/{lessonId}', tag, access: 'member', status: 200,
    summary: '取消收藏', params: favouriteParams, response: ok,
  }),
};
