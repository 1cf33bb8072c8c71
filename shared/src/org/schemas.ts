import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { listQuery, page } from '../http/pagination';
import { coverageClasses, gapKinds, memberStatuses } from './labels';
import { PHONE_PATTERN } from './roster-rows';
import { bureauLevel, institutionType, orgKind, partyOrgType } from './tree';

const name = z.string().check(z.trim(), z.minLength(2, '名称至少 2 个字'), z.maxLength(60, '名称最多 60 个字'));
const count = (what: string) => z.number().check(z.int(`${what}应为整数`), z.minimum(0, `${what}不能为负数`), z.maximum(100_000, `${what}过大`));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
const liaison = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(2, '姓名至少 2 个字'), z.maxLength(20, '姓名最多 20 个字')),
  role: z.enum(['liaison', 'instructor']),
  since: z.optional(day),
});

export { orgParams } from './params';
export const memberParams = z.strictObject({ memberId: id });
export const gapParams = z.strictObject({ gapId: z.string().check(z.regex(/^[\w-]{2,40}\.[a-z_]{3,20}$/, '缺口编号格式不正确')) });

export const orgFields = {
  address: z.optional(z.string().check(z.trim(), z.maxLength(120, '地址最多 120 个字'))),
  practitioners: z.optional(count('从业人员数')),
  licenceNumber: z.optional(z.string().check(z.trim(), z.maxLength(40, '执业许可证号最多 40 个字'))),
  institutionType: z.optional(institutionType),
  partyOrgType: z.optional(partyOrgType),
  institutionIds: z.optional(z.array(id).check(z.maxLength(30, '一个党组织最多覆盖 30 家机构'))),
  liaison: z.optional(z.nullable(liaison)),
  enteredFull: z.optional(z.nullable(count('正式党员数'))),
  enteredProbationary: z.optional(z.nullable(count('预备党员数'))),
};

export const createOrgBody = z.strictObject({
  parentId: id,
  kind: orgKind,
  name,
  ...orgFields,
});

export const patchOrgBody = z.strictObject({
  name: z.optional(name),
  parentId: z.optional(id),
  status: z.optional(z.enum(['active', 'closed'])),
  ...orgFields,
});

export const orgSummary = z.object({ id: z.string(), kind: orgKind, name: z.string(), status: z.string(), institutionType: z.optional(institutionType), partyOrgType: z.optional(partyOrgType), bureauLevel: z.optional(bureauLevel) });
export const orgDetail = z.object({
  id: z.string(), parentId: z.nullable(z.string()), kind: orgKind, name: z.string(), path: z.string(), status: z.string(),
  bureauLevel: z.optional(bureauLevel), institutionType: z.optional(institutionType), partyOrgType: z.optional(partyOrgType),
  institutionIds: z.optional(z.array(z.string())), address: z.optional(z.string()), practitioners: z.optional(z.number()),
  licenceNumber: z.optional(z.string()), liaison: z.optional(z.nullable(z.object({ name: z.string(), role: z.string(), since: z.optional(z.string()) }))),
  memberCount: z.optional(z.number()), ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  children: z.array(orgSummary),
});
export const orgHistoryEntry = z.object({ at: isoDateTime, action: z.string(), by: z.string(), change: z.record(z.string(), z.unknown()) });
export const orgHistory = z.object({ items: z.array(orgHistoryEntry) });

export const rosterImportResult = z.object({
  imported: z.number(), updated: z.number(), unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});

export const rosterStatus = z.enum(memberStatuses);
export const memberListQuery = z.strictObject({
  ...listQuery.shape,
  partyOrgId: z.optional(id),
  status: z.optional(rosterStatus),
  bound: z.optional(z.enum(['true', 'false'])),
  includeLeft: z.optional(z.enum(['true', 'false'])),
});
export const memberListItem = z.object({
  id: z.string(), name: z.string(), gender: z.optional(z.string()), phone: z.string(), institutionId: z.nullable(z.string()),
  institutionName: z.optional(z.string()), partyOrgId: z.nullable(z.string()), partyOrgName: z.optional(z.string()),
  status: rosterStatus, position: z.nullable(z.string()), bound: z.boolean(), active: z.boolean(), attending: z.optional(z.boolean()),
});
export const memberPage = page(memberListItem);
export const memberRecord = z.object({ at: isoDateTime, date: z.string(), kind: z.string(), note: z.string(), by: z.string() });
export const memberDetail = z.extend(memberListItem, {
  birthMonth: z.string(), attendOrgIds: z.array(z.string()), records: z.array(memberRecord),
});

const memberEditable = {
  name: z.string().check(z.trim(), z.minLength(1, '姓名不能为空'), z.maxLength(20, '姓名不能超过 20 个字')),
  gender: z.enum(['male', 'female']),
  birthMonth: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '出生年月格式应为 YYYY-MM')),
  phone: z.string().check(z.regex(PHONE_PATTERN, '手机号应为 11 位手机号码')),
  status: rosterStatus,
  position: z.optional(z.nullable(z.string().check(z.maxLength(30, '职务最多 30 个字')))),
};
export const createMemberBody = z.strictObject({ ...memberEditable, institutionId: id, partyOrgId: z.optional(z.nullable(id)) });
export const patchMemberBody = z.strictObject({
  name: z.optional(memberEditable.name), gender: z.optional(memberEditable.gender), birthMonth: z.optional(memberEditable.birthMonth),
  phone: z.optional(memberEditable.phone), status: z.optional(rosterStatus), position: memberEditable.position,
  attendOrgIds: z.optional(z.array(id).check(z.maxLength(5, '最多参加 5 个其他党组织的组织生活'))),
});
export const leaveBody = z.strictObject({ date: day, reason: z.string().check(z.trim(), z.minLength(2, '请填写原因'), z.maxLength(200, '原因最多 200 个字')) });
export const transferBody = z.strictObject({
  date: day,
  toPartyOrgId: z.optional(z.nullable(id)),
  toInstitutionId: z.optional(id),
  note: z.optional(z.string().check(z.maxLength(200, '说明最多 200 个字'))),
});

export const bindingSheet = z.object({
  orgId: z.string(), orgName: z.string(), alreadyBound: z.number(),
  items: z.array(z.object({ memberId: z.string(), name: z.string(), bindingCode: z.string(), expiresAt: isoDateTime })),
});

const byClass = z.object({ own: z.number(), joint: z.number(), liaison: z.number(), uncovered: z.number() });
const figures = {
  institutions: z.number(), practitioners: z.number(), members: z.number(), fullMembers: z.number(), memberShare: z.number(),
  byClass, expectedByClass: z.object({ own: z.number(), joint: z.number(), liaison: z.number() }),
  byType: z.record(z.string(), z.number()), orgsByKind: z.record(z.string(), z.number()), gapCount: z.number(),
};
export const gap = z.object({
  id: z.string(), kind: z.enum(gapKinds), institutionId: z.string(), name: z.string(), path: z.string(),
  expected: z.string(), actual: z.string(), detail: z.string(), deadline: z.string(),
  status: z.enum(['open', 'in_progress', 'resolved', 'closed']), closedAt: z.optional(isoDateTime), closedBy: z.optional(z.string()), note: z.optional(z.string()),
});
export const coverage = z.object({
  orgId: z.string(), name: z.string(), ...figures,
  gaps: z.array(gap),
  children: z.array(z.object({ id: z.string(), name: z.string(), kind: orgKind, ...figures })),
  institutionRows: z.array(z.object({
    id: z.string(), name: z.string(), institutionType, practitioners: z.number(), members: z.number(), fullMembers: z.number(),
    source: z.string(), expected: z.enum(coverageClasses), actual: z.enum(coverageClasses),
  })),
});
export const gapListQuery = z.strictObject({ status: z.optional(z.enum(['open', 'in_progress', 'resolved', 'closed'])) });
export const gapPage = z.object({ items: z.array(gap) });
export const patchGapBody = z.strictObject({
  status: z.optional(z.enum(['open', 'in_progress', 'closed'])),
  deadline: z.optional(day),
  note: z.optional(z.string().check(z.maxLength(500, '说明最多 500 个字'))),
});
export const attendeeList = z.object({ items: z.array(memberListItem) });
