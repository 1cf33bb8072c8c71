import { route, XLSX_MEDIA_TYPE } from '../api/route';
import { orgParams } from '../org/params';
import { complianceQuery, complianceReport, memberAttendance, memberAttendanceQuery, memberReviewQuery } from './compliance';
import {
  adminMeeting, attachMemberBody, createMeetingBody, meetingCheckInBody, meetingCheckInResult, meetingList, meetingListQuery,
  meetingParams, myAttendance, partyOrgParams, photoUpload, photoUploadBody, roster, updateMeetingBody,
} from './meetings';
import { childrenReports, monthlyReport, reportParams, returnReportBody, updateReportBody } from './report';
import { orgLifeRules, updateRulesBody } from './rules';
import { createTaskBody, orgTask, taskList, taskParams, taskProgressBody } from './tasks';

const tag = 'orglife';

export const orglifeRoutes = {
  createMeeting: route({
    id: 'createMeeting', method: 'POST', path: '/admin/orgs/{partyOrgId}/meetings', tag, access: 'secretary', status: 201,
    summary: '登记或预约组织生活（三会一课、主题党日、组织生活会、民主评议党员），生成签到二维码',
    params: partyOrgParams, body: createMeetingBody, response: adminMeeting, idempotent: true,
  }),
  listMeetings: route({
    id: 'listMeetings', method: 'GET', path: '/admin/orgs/{orgId}/meetings', tag, access: 'secretary', status: 200,
    summary: '党组织的组织生活记录（按年或按月）', params: orgParams, query: meetingListQuery, response: meetingList,
  }),
  getMeeting: route({
    id: 'getMeeting', method: 'GET', path: '/admin/meetings/{meetingId}', tag, access: 'secretary', status: 200,
    summary: '组织生活详情（含签到二维码）', params: meetingParams, response: adminMeeting,
  }),
  updateMeeting: route({
    id: 'updateMeeting', method: 'PATCH', path: '/admin/meetings/{meetingId}', tag, access: 'secretary', status: 200,
    summary: '补充会议记录、勾选出席、登记缺席原因、标记已召开', params: meetingParams, body: updateMeetingBody, response: adminMeeting,
  }),
  meetingPhotoUpload: route({
    id: 'meetingPhotoUpload', method: 'POST', path: '/admin/meetings/{meetingId}/photos', tag, access: 'secretary', status: 201,
    summary: '上传会议照片：返回预签名上传地址（仅 JPEG/PNG/WebP，最大 5 MB）', params: meetingParams, body: photoUploadBody, response: photoUpload,
  }),
  partyOrgRoster: route({
    id: 'partyOrgRoster', method: 'GET', path: '/admin/orgs/{partyOrgId}/orglife-roster', tag, access: 'secretary', status: 200,
    summary: '参加本支部组织生活的党员（含一方隶属、多重组织生活的党员）', params: partyOrgParams, response: roster,
  }),
  attachMember: route({
    id: 'attachMember', method: 'POST', path: '/admin/orgs/{partyOrgId}/orglife-roster', tag, access: 'secretary', status: 200,
    summary: '把其他支部的党员列入本支部组织生活（多重组织生活）', params: partyOrgParams, body: attachMemberBody, response: roster,
  }),
  compliance: route({
    id: 'compliance', method: 'GET', path: '/admin/orgs/{orgId}/compliance', tag, access: 'secretary', status: 200,
    summary: '各党组织组织生活落实情况：应开、已开、逾期（按类型），落后的党组织标出', params: orgParams, query: complianceQuery, response: complianceReport,
  }),
  memberAttendance: route({
    id: 'memberAttendance', method: 'GET', path: '/admin/orgs/{partyOrgId}/attendance', tag, access: 'secretary', status: 200,
    summary: '党员参加组织生活的出勤率', params: partyOrgParams, query: memberAttendanceQuery, response: memberAttendance,
  }),
  memberReviews: route({
    id: 'memberReviews', method: 'GET', path: '/admin/orgs/{partyOrgId}/member-reviews', tag, access: 'secretary', status: 200,
    summary: '民主评议党员结果（仅本支部书记和上级管理员可见）', params: partyOrgParams, query: memberReviewQuery, response: meetingList,
  }),
  getOrgLifeRules: route({
    id: 'getOrgLifeRules', method: 'GET', path: '/admin/orglife-rules', tag, access: 'secretary', status: 200,
    summary: '本省组织生活频次要求和月报截止日', response: orgLifeRules,
  }),
  updateOrgLifeRules: route({
    id: 'updateOrgLifeRules', method: 'PUT', path: '/admin/orglife-rules', tag, access: 'admin', status: 200,
    summary: '修改本省组织生活频次要求和月报截止日（省级管理员）', body: updateRulesBody, response: orgLifeRules,
  }),
  meetingCheckIn: route({
    id: 'meetingCheckIn', method: 'POST', path: '/meetings/check-in', tag, access: 'member', status: 200,
    summary: '扫码签到组织生活', body: meetingCheckInBody, response: meetingCheckInResult, idempotent: true,
  }),
  myMeetings: route({
    id: 'myMeetings', method: 'GET', path: '/me/meetings', tag, access: 'member', status: 200,
    summary: '我参加组织生活的情况（本年度）', query: memberAttendanceQuery, response: myAttendance,
  }),

  getReport: route({
    id: 'getReport', method: 'GET', path: '/admin/orgs/{orgId}/reports/{month}', tag, access: 'admin', status: 200,
    summary: '月报：由各项记录自动汇总的数据和文字部分', params: reportParams, response: monthlyReport,
  }),
  updateReport: route({
    id: 'updateReport', method: 'PUT', path: '/admin/orgs/{orgId}/reports/{month}', tag, access: 'admin', status: 200,
    summary: '修改月报文字（进展情况、存在问题、下步打算）', params: reportParams, body: updateReportBody, response: monthlyReport,
  }),
  submitReport: route({
    id: 'submitReport', method: 'POST', path: '/admin/orgs/{orgId}/reports/{month}/submit', tag, access: 'admin', status: 200,
    summary: '报送月报（报送后锁定）', params: reportParams, response: monthlyReport, idempotent: true,
  }),
  reviseReport: route({
    id: 'reviseReport', method: 'POST', path: '/admin/orgs/{orgId}/reports/{month}/revise', tag, access: 'admin', status: 200,
    summary: '更正已报送的月报：生成新版本，保留历史', params: reportParams, response: monthlyReport,
  }),
  returnReport: route({
    id: 'returnReport', method: 'POST', path: '/admin/orgs/{orgId}/reports/{month}/return', tag, access: 'admin', status: 200,
    summary: '上级退回下级月报并附意见', params: reportParams, body: returnReportBody, response: monthlyReport,
  }),
  childrenReports: route({
    id: 'childrenReports', method: 'GET', path: '/admin/orgs/{orgId}/reports/{month}/children', tag, access: 'admin', status: 200,
    summary: '下级月报报送情况（已报、逾期、未报）和数据汇总', params: reportParams, response: childrenReports,
  }),
  reportXlsx: route({
    id: 'reportXlsx', method: 'GET', path: '/admin/orgs/{orgId}/reports/{month}/report.xlsx', tag, access: 'admin', status: 200,
    summary: '导出月报（Excel，含下级汇总）', params: reportParams, responseMedia: XLSX_MEDIA_TYPE,
  }),
  reportPrint: route({
    id: 'reportPrint', method: 'GET', path: '/admin/orgs/{orgId}/reports/{month}/print', tag, access: 'admin', status: 200,
    summary: '月报打印页（HTML）', params: reportParams, responseMedia: 'text/html',
  }),

  createTask: route({
    id: 'createTask', method: 'POST', path: '/admin/orgs/{orgId}/tasks', tag, access: 'admin', status: 201,
    summary: '给下级布置有时间节点的任务（九落实·三个节点）', params: orgParams, body: createTaskBody, response: orgTask, idempotent: true,
  }),
  listTasks: route({
    id: 'listTasks', method: 'GET', path: '/admin/orgs/{orgId}/tasks', tag, access: 'admin', status: 200,
    summary: '本级布置的任务（各下级完成情况）和上级布置给本级的任务', params: orgParams, response: taskList,
  }),
  reportTaskProgress: route({
    id: 'reportTaskProgress', method: 'POST', path: '/admin/tasks/{taskId}/progress', tag, access: 'admin', status: 200,
    summary: '下级报告任务进展（附佐证）', params: taskParams, body: taskProgressBody, response: orgTask,
  }),
};
