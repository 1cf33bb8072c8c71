import { route, XLSX_MEDIA_TYPE } from '../api/route';
import { orgParams } from '../org/params';
import { outcomeImportResult, outcomeParams, outcomeRangeQuery, outcomeRecord, outcomeRollup, saveOutcomeBody } from './outcomes';
import { createProjectBody, projectList, projectParams, projectProgressBody, serviceProject, updateProjectBody } from './projects';

const tag = 'service';

/** 我为群众办实事: projects with owner, target, deadline and progress; institutions' monthly outcome figures rolled up. */
export const serviceRoutes = {
  createProject: route({
    id: 'createProject', method: 'POST', path: '/admin/orgs/{orgId}/service-projects', tag, access: 'secretary', status: 201,
    summary: '司法局或党支部承诺的办实事项目（如“便民十条”）：责任人、目标、时限', params: orgParams, body: createProjectBody, response: serviceProject, idempotent: true,
  }),
  listProjects: route({
    id: 'listProjects', method: 'GET', path: '/admin/orgs/{orgId}/service-projects', tag, access: 'secretary', status: 200,
    summary: '本组织及下级的办实事项目（逾期标出）', params: orgParams, response: projectList,
  }),
  updateProject: route({
    id: 'updateProject', method: 'PATCH', path: '/admin/service-projects/{projectId}', tag, access: 'secretary', status: 200,
    summary: '修改办实事项目', params: projectParams, body: updateProjectBody, response: serviceProject,
  }),
  addProjectProgress: route({
    id: 'addProjectProgress', method: 'POST', path: '/admin/service-projects/{projectId}/progress', tag, access: 'secretary', status: 200,
    summary: '登记办实事项目进展（完成进度 100% 即办结）', params: projectParams, body: projectProgressBody, response: serviceProject, idempotent: true,
  }),
  saveOutcome: route({
    id: 'saveOutcome', method: 'PUT', path: '/admin/orgs/{orgId}/service-outcomes/{month}', tag, access: 'secretary', status: 200,
    summary: '填报服务机构某月办实事成效（法律援助案件、减免费用、调解纠纷、解答咨询）', params: outcomeParams, body: saveOutcomeBody, response: outcomeRecord,
  }),
  importOutcomes: route({
    id: 'importOutcomes', method: 'POST', path: '/admin/orgs/{orgId}/service-outcomes/import', tag, access: 'admin', status: 200,
    summary: '从 Excel（或 CSV）导入各单位各月办实事成效；有一行有误则全部不导入，并逐行列出错误',
    params: orgParams, rawBody: ['text/csv', XLSX_MEDIA_TYPE], response: outcomeImportResult,
  }),
  outcomeRollup: route({
    id: 'outcomeRollup', method: 'GET', path: '/admin/orgs/{orgId}/service-outcomes', tag, access: 'secretary', status: 200,
    summary: '办实事成效逐级汇总：本级合计和各下级小计（按月或按月份区间，最长 12 个月）', params: orgParams, query: outcomeRangeQuery, response: outcomeRollup,
  }),
};
