import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { studyMode } from './modes';

// ---- 分享促学: reflections (心得), approved by the secretary before the branch sees them.

export const reflectionStatuses = ['pending', 'approved', 'rejected'] as const;
export const reflectionStatus = z.enum(reflectionStatuses);
export type ReflectionStatus = z.infer<typeof reflectionStatus>;

export const reflection = z.object({
  id,
  lessonId: z.string(),
  lessonTitle: z.string(),
  userId: z.string(),
  authorName: z.string(),
  orgId: z.string(),
  text: z.string(),
  status: reflectionStatus,
  createdAt: isoDateTime,
  reviewedAt: z.optional(isoDateTime),
  reviewNote: z.optional(z.string()),
});
export type Reflection = z.infer<typeof reflection>;

export const reflectionBody = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(10, '心得至少 10 个字'), z.maxLength(1000, '心得最多 1000 个字')),
});
export const reflectionParams = z.strictObject({ reflectionId: id });
export const reviewReflectionBody = z.strictObject({
  approve: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(200, '审核意见最多 200 个字'))),
});
export const reflectionList = z.object({ items: z.array(reflection) });

// ---- 集中学习 / 支部书记领学 / 读书班: offline sessions with a check-in QR code.

export const studySession = z.object({
  id,
  title: z.string(),
  mode: studyMode,
  orgId: z.string(),
  orgName: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  minutes: z.number(),
  place: z.string(),
  attendance: z.number(),
  createdAt: isoDateTime,
});
export type StudySession = z.infer<typeof studySession>;

/** The session with what the secretary shows on the spot: the check-in code and its QR image. */
export const adminStudySession = z.extend(studySession, {
  checkInCode: z.string(),
  /** What the QR code encodes: the check-in page of the mini-program with the code. */
  checkInPath: z.string(),
  qrDataUrl: z.string(),
  attendees: z.array(z.object({ userId: z.string(), name: z.string(), at: isoDateTime })),
});

export const createSessionBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(2, '主题至少 2 个字'), z.maxLength(60, '主题最多 60 个字')),
  mode: studyMode,
  /** The branch (or org) whose members attend; default: the secretary's own. */
  orgId: z.optional(id),
  startsAt: isoDateTime,
  /** Length of the session in minutes; check-in stays open until it ends (and half an hour after). */
  minutes: z.int().check(z.minimum(10, '时长至少 10 分钟'), z.maximum(600, '时长最多 600 分钟')),
  place: z.optional(z.string().check(z.maxLength(100, '地点最多 100 个字'))),
});
export const sessionParams = z.strictObject({ sessionId: id });
export const checkInBody = z.strictObject({
  code: z.string().check(z.minLength(4, '请扫描签到二维码'), z.maxLength(32, '签到码不正确')),
});
export const checkInResult = z.object({ session: studySession, alreadyCheckedIn: z.boolean(), pointsAwarded: z.number() });
export const sessionList = z.object({ items: z.array(studySession) });
/** Check-in opens this long before a session starts and closes this long after it ends. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;
export const CHECK_IN_LATE_MS = 30 * 60_000;

export function checkInWindow(startsAt: string, minutes: number): { opensMs: number; closesMs: number } {
  const start = Date.parse(startsAt);
  return { opensMs: start - CHECK_IN_EARLY_MS, closesMs: start + minutes * 60_000 + CHECK_IN_LATE_MS };
}
