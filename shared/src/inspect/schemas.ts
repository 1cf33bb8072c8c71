import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { audience, unitCoverage } from './audience';

/** The campaign's seven problems (七大顽瘴痼疾) as default items of a 自查事项报告表; each form may change them. */
export const defaultInspectItems = [
  '违反防止干预司法“三个规定”',
  '违规经商办企业',
  '违规参股借贷',
  '配偶、子女及其配偶违规从事经营活动',
  '违规违法办理减刑、假释、暂予监外执行',
  '有案不立、压案不查、有罪不究',
  '充当司法掮客、违规与当事人及律师接触交往',
] as const;

export const defaultPledge =
  '本人承诺：以上填报内容真实、完整，已对照各项问题逐项自查，无隐瞒、无遗漏。如有不实，愿承担相应责任。';

const text = (min: number, max: number, label: string) =>
  z.string().check(z.trim(), z.minLength(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

export const createInspectFormBody = z.strictObject({
  title: text(2, 60, '表名'),
  /** The publishing org: its admins and those above see the answers. */
  orgId: id,
  instructions: z.optional(z.string().check(z.maxLength(500, '填报说明最多 500 个字'))),
  items: z.optional(z.array(text(2, 100, '自查事项')).check(z.minLength(1, '至少一项自查事项'), z.maxLength(30, '自查事项最多 30 项'))),
  pledge: z.optional(text(10, 500, '承诺书')),
  deadline: date,
  audience,
});
export type CreateInspectFormBody = z.infer<typeof createInspectFormBody>;

export const inspectItem = z.object({ key: z.string(), text: z.string() });
export const inspectForm = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  instructions: z.string(),
  items: z.array(inspectItem),
  pledge: z.string(),
  deadline: z.string(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  asked: z.number(),
  filed: z.number(),
});
export type InspectForm = z.infer<typeof inspectForm>;
export const inspectFormList = z.object({ items: z.array(inspectForm) });
export const inspectFormParams = z.strictObject({ formId: id });
export const inspectReportParams = z.strictObject({ formId: id, userId: id });

export const inspectCoverage = z.object({ formId: z.string(), asked: z.number(), filed: z.number(), units: z.array(unitCoverage) });

/** 无此问题 / 存在问题 for one item. */
export const findings = ['none', 'found'] as const;
export const findingLabels = { none: '无此问题', found: '存在问题' } as const;
export const inspectAnswer = z.strictObject({
  key: z.string().check(z.maxLength(10, '事项编号不正确')),
  finding: z.enum(findings, '请选择“无此问题”或“存在问题”'),
  detail: z.optional(z.string().check(z.trim(), z.maxLength(1000, '情况说明最多 1000 个字'))),
});
export const fileInspectBody = z.strictObject({
  answers: z.array(inspectAnswer).check(z.maxLength(30, '答案过多')),
  /** 其他问题: what else the filer wants to state (政治纪律、组织纪律 … 作风建设). */
  other: z.optional(z.string().check(z.trim(), z.maxLength(1000, '其他问题最多 1000 个字'))),
  /** The filer's name typed as signature under the pledge. */
  signature: z.string().check(z.trim(), z.minLength(1, '请签名'), z.maxLength(20, '签名最多 20 个字')),
  pledged: z.boolean('请勾选承诺'),
});
export type FileInspectBody = z.infer<typeof fileInspectBody>;

export const inspectReport = z.object({
  formId: z.string(),
  userId: z.string(),
  name: z.string(),
  unitName: z.string(),
  filedAt: isoDateTime,
  late: z.boolean(),
  answers: z.array(z.object({ key: z.string(), text: z.string(), finding: z.enum(findings), detail: z.string() })),
  other: z.string(),
  signature: z.string(),
  found: z.number(),
});
export type InspectReport = z.infer<typeof inspectReport>;
export const inspectReports = z.object({ formId: z.string(), items: z.array(inspectReport) });

/** The phone's list: forms the signed-in person is asked to file. */
export const myInspection = z.object({
  formId: z.string(), title: z.string(), orgName: z.string(), deadline: z.string(), filedAt: z.nullable(z.string()), overdue: z.boolean(),
});
export const myInspections = z.object({ items: z.array(myInspection) });
export const myInspectionDetail = z.object({
  form: z.object({ id: z.string(), title: z.string(), orgName: z.string(), instructions: z.string(), items: z.array(inspectItem), pledge: z.string(), deadline: z.string() }),
  name: z.string(),
  report: z.nullable(inspectReport),
});
export type MyInspectionDetail = z.infer<typeof myInspectionDetail>;
