import { route } from '../api/route';
import { confidentialViews } from './audience';
import {
  createInspectFormBody, fileInspectBody, inspectCoverage, inspectForm, inspectFormList, inspectFormParams, inspectReport, inspectReportParams,
  inspectReports, myInspectionDetail, myInspections,
} from './schemas';

const tag = 'inspect';

export const inspectRoutes = {
  createInspectForm: route({
    id: 'createInspectForm', method: 'POST', path: '/admin/inspections', tag, access: 'admin', status: 201,
    summary: '发布自查事项报告表（逐项对照的事项、承诺书、填报范围：组织及下级或指定人员）', body: createInspectFormBody, response: inspectForm, idempotent: true,
  }),
  listInspectForms: route({
    id: 'listInspectForms', method: 'GET', path: '/admin/inspections', tag, access: 'admin', status: 200,
    summary: '本单位及下级发布的自查事项报告表（可查看答卷的范围）', response: inspectFormList,
  }),
  inspectCoverage: route({
    id: 'inspectCoverage', method: 'GET', path: '/admin/inspections/{formId}/coverage', tag, access: 'admin', status: 200,
    summary: '填报情况：按单位统计，列出未填报的人', params: inspectFormParams, response: inspectCoverage,
  }),
  inspectReports: route({
    id: 'inspectReports', method: 'GET', path: '/admin/inspections/{formId}/reports', tag, access: 'admin', status: 200,
    summary: '全部答卷（仅发布单位及上级管理员；每次查看都记录在案）', params: inspectFormParams, response: inspectReports,
  }),
  inspectReport: route({
    id: 'inspectReport', method: 'GET', path: '/admin/inspections/{formId}/reports/{userId}', tag, access: 'admin', status: 200,
    summary: '一人的答卷（仅发布单位及上级管理员；每次查看都记录在案）', params: inspectReportParams, response: inspectReport,
  }),
  inspectViews: route({
    id: 'inspectViews', method: 'GET', path: '/admin/inspections/{formId}/views', tag, access: 'admin', status: 200,
    summary: '答卷查看记录：谁在何时查看了哪些答卷', params: inspectFormParams, response: confidentialViews,
  }),
  myInspections: route({
    id: 'myInspections', method: 'GET', path: '/me/inspections', tag, access: 'user', status: 200,
    summary: '我需要填报的自查事项报告表', response: myInspections,
  }),
  myInspection: route({
    id: 'myInspection', method: 'GET', path: '/me/inspections/{formId}', tag, access: 'user', status: 200,
    summary: '自查事项报告表及本人已提交的答卷', params: inspectFormParams, response: myInspectionDetail,
  }),
  fileInspection: route({
    id: 'fileInspection', method: 'POST', path: '/me/inspections/{formId}', tag, access: 'user', status: 201,
    summary: '逐项填报自查事项并签字承诺（每人一次）', params: inspectFormParams, body: fileInspectBody, response: inspectReport, idempotent: true,
  }),
};
