import { route, XLSX_MEDIA_TYPE } from '../api/route';
import {
  adminChecklist, adminItem, checklistParams, itemParams, mergeItemBody, moveParams, moveResult, moveSuggestionBody, patchItemBody, publicChecklist,
  tallyRun, tallyRunParams, tallyRunStarted, tallyLessonList, tallyLessonParams, lessonRemoved,
} from './schemas';
import { createItemBody, evidenceUpload, evidenceUploadBody, signOffBody } from './ledger';

const tag = 'checklist';

export const checklistRoutes = {
  runTally: route({
    id: 'runTally', method: 'POST', path: '/admin/campaigns/{campaignId}/tally', tag, access: 'admin', status: 202,
    summary: '开始归并新意见到整改清单（后台运行，返回运行编号；同一活动同时只运行一次；也每 15 分钟自动运行）', params: checklistParams, response: tallyRunStarted,
  }),
  tallyRun: route({
    id: 'tallyRun', method: 'GET', path: '/admin/tally-runs/{runId}', tag, access: 'admin', status: 200,
    summary: '归并运行的进度和结果', params: tallyRunParams, response: tallyRun,
  }),
  adminChecklist: route({
    id: 'adminChecklist', method: 'GET', path: '/admin/campaigns/{campaignId}/checklist', tag, access: 'admin', status: 200,
    summary: '整改清单（按热度排序）', params: checklistParams, response: adminChecklist,
  }),
  checklistLedger: route({
    id: 'checklistLedger', method: 'GET', path: '/admin/campaigns/{campaignId}/checklist.xlsx', tag, access: 'admin', status: 200,
    summary: '导出整改台账（Excel）', params: checklistParams, responseMedia: XLSX_MEDIA_TYPE,
  }),
  patchChecklistItem: route({
    id: 'patchChecklistItem', method: 'PATCH', path: '/admin/checklist-items/{itemId}', tag, access: 'admin', status: 200,
    summary: '修改整改事项（标题、责任单位、时限、目标、状态、进展、公开、锁定）', params: itemParams, body: patchItemBody, response: adminItem,
  }),
  mergeChecklistItems: route({
    id: 'mergeChecklistItems', method: 'POST', path: '/admin/checklist-items/{itemId}/merge', tag, access: 'admin', status: 200,
    summary: '合并整改事项（把另一事项的意见并入本事项）', params: itemParams, body: mergeItemBody, response: adminItem,
  }),
  moveSuggestionToItem: route({
    id: 'moveSuggestionToItem', method: 'POST', path: '/admin/suggestions/{suggestionId}/move', tag, access: 'admin', status: 200,
    summary: '把一条意见移到另一整改事项，或单独成项', params: moveParams, body: moveSuggestionBody, response: moveResult,
  }),
  publicChecklist: route({
    id: 'publicChecklist', method: 'GET', path: '/campaigns/{campaignId}/checklist', tag, access: 'public', status: 200,
    summary: '公开的整改清单', params: checklistParams, response: publicChecklist,
  }),
  createChecklistItem: route({
    id: 'createChecklistItem', method: 'POST', path: '/admin/campaigns/{campaignId}/checklist-items', tag, access: 'admin', status: 201,
    summary: '手工新增整改事项（来源：民主生活会、自查、上级检查、谈心谈话）', params: checklistParams, body: createItemBody, response: adminItem, idempotent: true,
  }),
  signOffChecklistItem: route({
    id: 'signOffChecklistItem', method: 'POST', path: '/admin/checklist-items/{itemId}/sign-off', tag, access: 'admin', status: 200,
    summary: '上级审核销号：同意则销号，退回则回到整改中并说明理由（仅责任单位的上级）', params: itemParams, body: signOffBody, response: adminItem,
  }),
  checklistEvidenceUpload: route({
    id: 'checklistEvidenceUpload', method: 'POST', path: '/admin/checklist-items/{itemId}/evidence', tag, access: 'admin', status: 201,
    summary: '上传整改佐证材料：返回预签名上传地址（图片、PDF、docx、xlsx，最大 10 MB）；随整改进展提交时核对文件内容',
    params: itemParams, body: evidenceUploadBody, response: evidenceUpload,
  }),
  tallyLessons: route({
    id: 'tallyLessons', method: 'GET', path: '/admin/campaigns/{campaignId}/tally-lessons', tag, access: 'admin', status: 200,
    summary: '归并从管理员的合并、移动中学到的同义词和分开规则（活动所属单位的，之后的归并都会用到）', params: checklistParams, response: tallyLessonList,
  }),
  removeTallyLesson: route({
    id: 'removeTallyLesson', method: 'DELETE', path: '/admin/campaigns/{campaignId}/tally-lessons/{lessonId}', tag, access: 'admin', status: 200,
    summary: '删除归并学到的一条规则（之后的归并不再使用）', params: tallyLessonParams, response: lessonRemoved,
  }),
};
