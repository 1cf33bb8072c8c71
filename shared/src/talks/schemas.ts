import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { audience, unitCoverage } from '../inspect/audience';

/** 六个必谈 as commonly set in the education campaign; each round may set its own list. */
export const defaultTalkKinds = [
  '主要负责人与班子成员必谈',
  '班子成员之间必谈',
  '班子成员与分管部门负责人必谈',
  '部门负责人与本部门干警必谈',
  '对有问题线索反映的干警必谈',
  '对思想有波动、家庭有困难的干警必谈',
] as const;

/** What came of a talk, never what was said (no verbatim content unless the round keeps it). */
export const talkOutcomes = ['stable', 'explained', 'follow_up'] as const;
export const talkOutcomeLabels = { stable: '思想稳定，无需跟进', explained: '主动讲清问题', follow_up: '需要跟进' } as const;

const text = (min: number, max: number, label: string) =>
  z.string().check(z.trim(), z.minLength(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

export const createTalkRoundBody = z.strictObject({
  title: text(2, 60, '轮次名称'),
  orgId: id,
  kinds: z.optional(z.array(text(2, 40, '必谈类型')).check(z.minLength(1, '至少一种必谈类型'), z.maxLength(12, '必谈类型最多 12 种'))),
  endsAt: date,
  /** Keep a summary of what was said (off by default: only who, when, kind and outcome are recorded). */
  keepContent: z.optional(z.boolean('请选择是否记录谈话内容')),
  audience,
});
export type CreateTalkRoundBody = z.infer<typeof createTalkRoundBody>;

export const talkKind = z.object({ key: z.string(), label: z.string() });
export const talkRound = z.object({
  id: z.string(), title: z.string(), orgId: z.string(), orgName: z.string(), kinds: z.array(talkKind), endsAt: z.string(),
  keepContent: z.boolean(), people: z.number(), covered: z.number(), talks: z.number(), createdAt: isoDateTime, createdBy: z.string(),
});
export type TalkRound = z.infer<typeof talkRound>;
export const talkRoundList = z.object({ items: z.array(talkRound) });
export const talkRoundParams = z.strictObject({ roundId: id });

export const recordTalkBody = z.strictObject({
  intervieweeId: id,
  talkerName: text(1, 20, '谈话人'),
  heldAt: isoDateTime,
  kind: z.string().check(z.maxLength(10, '必谈类型不正确')),
  outcome: z.enum(talkOutcomes, '请选择谈话结果'),
  /** Only when the round keeps content: a short summary, never a transcript. */
  content: z.optional(z.string().check(z.trim(), z.maxLength(500, '谈话要点最多 500 个字'))),
});
export type RecordTalkBody = z.infer<typeof recordTalkBody>;

export const talkRecord = z.object({
  id: z.string(), roundId: z.string(), intervieweeId: z.string(), intervieweeName: z.string(), unitName: z.string(), talkerName: z.string(),
  heldAt: isoDateTime, kind: z.string(), kindLabel: z.string(), outcome: z.enum(talkOutcomes), outcomeLabel: z.string(),
  content: z.optional(z.string()), recordedBy: z.string(),
});
export type TalkRecord = z.infer<typeof talkRecord>;
export const talkRecords = z.object({ roundId: z.string(), items: z.array(talkRecord) });
export const talkCoverage = z.object({
  roundId: z.string(), people: z.number(), covered: z.number(), units: z.array(unitCoverage),
  byKind: z.array(z.object({ key: z.string(), label: z.string(), talks: z.number() })),
});
