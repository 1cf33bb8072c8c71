import { route, XLSX_MEDIA_TYPE } from '../api/route';
import {
  attendeeList, bindingSheet, coverage, createMemberBody, createOrgBody, gap, gapListQuery, gapPage, gapParams,
  leaveBody, memberDetail, memberListQuery, memberPage, memberParams, orgDetail, orgHistory, orgParams, patchGapBody, patchMemberBody,
  patchOrgBody, rosterImportResult, transferBody,
} from './schemas';

const tag = 'org';

export const orgRoutes = {
  getOrg: route({
    id: 'getOrg', method: 'GET', path: '/admin/orgs/{orgId}', tag, access: 'secretary', status: 200,
    summary: '组织详情及下级组织', params: orgParams, response: orgDetail,
  }),
  createOrg: route({
    id: 'createOrg', method: 'POST', path: '/admin/orgs', tag, access: 'admin', status: 201,
    summary: '新建司法局、执业机构或党组织', body: createOrgBody, response: orgDetail, idempotent: true,
  }),
  patchOrg: route({
    id: 'patchOrg', method: 'PATCH', path: '/admin/orgs/{orgId}', tag, access: 'admin', status: 200,
    summary: '修改、移动（parentId）或撤销（status: closed）组织；保留历史', params: orgParams, body: patchOrgBody, response: orgDetail,
  }),
  orgHistory: route({
    id: 'orgHistory', method: 'GET', path: '/admin/orgs/{orgId}/history', tag, access: 'admin', status: 200,
    summary: '组织变更历史（新建、改名、移动、撤销）', params: orgParams, response: orgHistory,
  }),
  importRoster: route({
    id: 'importRoster', method: 'POST', path: '/admin/orgs/{orgId}/roster/import', tag, access: 'admin', status: 200,
    summary: '导入人员名册（XLSX 或 CSV；有错误行则整份不导入；按手机号更新已有人员）', params: orgParams,
    rawBody: ['text/csv', XLSX_MEDIA_TYPE], response: rosterImportResult,
  }),
  rosterTemplate: route({
    id: 'rosterTemplate', method: 'GET', path: '/admin/roster-template.xlsx', tag, access: 'secretary', status: 200,
    summary: '下载人员名册模板', responseMedia: XLSX_MEDIA_TYPE,
  }),
  listMembers: route({
    id: 'listMembers', method: 'GET', path: '/admin/orgs/{orgId}/members', tag, access: 'secretary', status: 200,
    summary: '本组织及下级的人员（手机号脱敏）', params: orgParams, query: memberListQuery, response: memberPage,
  }),
  listAttendees: route({
    id: 'listAttendees', method: 'GET', path: '/admin/orgs/{orgId}/attendees', tag, access: 'secretary', status: 200,
    summary: '隶属其他党组织、参加本党组织组织生活的党员', params: orgParams, response: attendeeList,
  }),
  createMember: route({
    id: 'createMember', method: 'POST', path: '/admin/members', tag, access: 'admin', status: 201,
    summary: '手工添加人员', body: createMemberBody, response: memberDetail, idempotent: true,
  }),
  getMember: route({
    id: 'getMember', method: 'GET', path: '/admin/members/{memberId}', tag, access: 'secretary', status: 200,
    summary: '人员详情及组织关系记录', params: memberParams, response: memberDetail,
  }),
  patchMember: route({
    id: 'patchMember', method: 'PATCH', path: '/admin/members/{memberId}', tag, access: 'admin', status: 200,
    summary: '修改人员信息、参加其他党组织组织生活', params: memberParams, body: patchMemberBody, response: memberDetail,
  }),
  memberLeaves: route({
    id: 'memberLeaves', method: 'POST', path: '/admin/members/{memberId}/leave', tag, access: 'admin', status: 200,
    summary: '人员离开（离职、转出系统外等），记录日期', params: memberParams, body: leaveBody, response: memberDetail,
  }),
  transferMember: route({
    id: 'transferMember', method: 'POST', path: '/admin/members/{memberId}/transfer', tag, access: 'admin', status: 200,
    summary: '组织关系转接（转入其他党组织或机构），记录日期', params: memberParams, body: transferBody, response: memberDetail,
  }),
  bindingSheet: route({
    id: 'bindingSheet', method: 'POST', path: '/admin/orgs/{orgId}/binding-codes', tag, access: 'secretary', status: 201,
    summary: '为党组织中尚未绑定的人员批量生成绑定码（可打印）', params: orgParams, response: bindingSheet,
  }),
  orgCoverage: route({
    id: 'orgCoverage', method: 'GET', path: '/admin/orgs/{orgId}/coverage', tag, access: 'admin', status: 200,
    summary: '摸底统计与党的组织覆盖情况（逐级汇总）', params: orgParams, response: coverage,
  }),
  listGaps: route({
    id: 'listGaps', method: 'GET', path: '/admin/orgs/{orgId}/gaps', tag, access: 'admin', status: 200,
    summary: '应建未建等缺口清单（含期限、状态）', params: orgParams, query: gapListQuery, response: gapPage,
  }),
  patchGap: route({
    id: 'patchGap', method: 'PATCH', path: '/admin/gaps/{gapId}', tag, access: 'admin', status: 200,
    summary: '修改缺口期限、状态；销号（closed）须缺口已消除，并记录', params: gapParams, body: patchGapBody, response: gap,
  }),
  censusWorkbook: route({
    id: 'censusWorkbook', method: 'GET', path: '/admin/orgs/{orgId}/census.xlsx', tag, access: 'admin', status: 200,
    summary: '导出摸底调查表（每家机构一行，按县区、市合计）', params: orgParams, responseMedia: XLSX_MEDIA_TYPE,
  }),
};
