import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';

/** 三会一课、主题党日、组织生活会、民主评议党员: the seven kinds of organisation life. */
export const meetingTypes = [
  'member_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'member_review',
] as const;
export const meetingType = z.enum(meetingTypes);
export type MeetingType = z.infer<typeof meetingType>;

export const meetingTypeLabels: Record<MeetingType, string> = {
  member_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  member_review: '民主评议党员',
};

/** 民主评议党员 outcomes. */
export const reviewOutcomes = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export const reviewOutcome = z.enum(reviewOutcomes);
export type ReviewOutcome = z.infer<typeof reviewOutcome>;
export const reviewOutcomeLabels: Record<ReviewOutcome, string> = {
  excellent: '优秀', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格',
};

export const meetingStatuses = ['scheduled', 'held'] as const;
export const meetingStatus = z.enum(meetingStatuses);

const absence = z.strictObject({
  userId: id,
  reason: z.string().check(z.trim(), z.minLength(1, '请填写缺席原因'), z.maxLength(100, '缺席原因最多 100 个字')),
});
const outcomeEntry = z.strictObject({ userId: id, outcome: reviewOutcome });

const topicText = z.string().check(z.trim(), z.minLength(2, '主题至少 2 个字'), z.maxLength(80, '主题最多 80 个字'));
const placeText = z.string().check(z.trim(), z.maxLength(100, '地点最多 100 个字'));
const minutesHtml = z.string().check(z.maxLength(20_000, '会议记录最多 20000 个字符'));

export const createMeetingBody = z.strictObject({
  type: meetingType,
  heldAt: isoDateTime,
  /** `held` (default) records a meeting that took place; `scheduled` plans one (check-in opens on the day). */
  status: z.optional(meetingStatus),
  place: z.optional(placeText),
  topic: topicText,
  presiderId: z.optional(id),
  attendeeIds: z.array(id).check(z.maxLength(500, '参会人员过多')),
  absences: z.optional(z.array(absence).check(z.maxLength(500, '缺席人员过多'))),
  minutes: z.optional(minutesHtml),
  reviewOutcomes: z.optional(z.array(outcomeEntry).check(z.maxLength(500, '评议结果过多'))),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = z.strictObject({
  status: z.optional(z.literal('held')),
  heldAt: z.optional(isoDateTime),
  place: z.optional(placeText),
  topic: z.optional(topicText),
  presiderId: z.optional(id),
  attendeeIds: z.optional(z.array(id).check(z.maxLength(500, '参会人员过多'))),
  absences: z.optional(z.array(absence).check(z.maxLength(500, '缺席人员过多'))),
  minutes: z.optional(minutesHtml),
  reviewOutcomes: z.optional(z.array(outcomeEntry).check(z.maxLength(500, '评议结果过多'))),
});

export const meetingParams = z.strictObject({ meetingId: id });
export const partyOrgParams = z.strictObject({ partyOrgId: id });

const person = z.object({ userId: z.string(), name: z.string() });

export const meeting = z.object({
  id,
  orgId: z.string(),
  orgName: z.string(),
  type: meetingType,
  typeLabel: z.string(),
  status: meetingStatus,
  heldAt: isoDateTime,
  place: z.string(),
  topic: z.string(),
  presider: z.nullable(person),
  attendees: z.array(z.extend(person, { guest: z.boolean(), checkedInAt: z.optional(isoDateTime) })),
  absences: z.array(z.extend(person, { reason: z.string() })),
  /** Members on the roster neither present nor excused. */
  expected: z.number(),
  minutes: z.string(),
  photos: z.array(z.object({ key: z.string(), url: z.string() })),
  /** 民主评议 outcomes: only for the branch's secretary and the admins above. */
  reviewOutcomes: z.optional(z.array(z.extend(person, { outcome: reviewOutcome }))),
  createdAt: isoDateTime,
});
export type Meeting = z.infer<typeof meeting>;

export const adminMeeting = z.extend(meeting, {
  checkInCode: z.string(),
  checkInPath: z.string(),
  qrDataUrl: z.string(),
});

export const meetingListQuery = z.strictObject({
  /** `YYYY` or `YYYY-MM`; default: the current year. */
  period: z.optional(z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间格式应为 YYYY 或 YYYY-MM'))),
});
export const meetingList = z.object({ items: z.array(meeting) });

export const meetingCheckInBody = z.strictObject({
  code: z.string().check(z.minLength(4, '请扫描签到二维码'), z.maxLength(32, '签到码不正确')),
});
export const meetingCheckInResult = z.object({ meeting, alreadyCheckedIn: z.boolean() });

/** Organisation life is recorded from this day on: an earlier date is a typing slip (1900, 0226). */
export const EARLIEST_MEETING = '2000-01-01T00:00:00.000+08:00';
/** A few minutes of clock difference between a phone and the server are not "the future". */
const CLOCK_SLACK_MS = 5 * 60_000;
const YEAR_MS = 366 * 86_400_000;

/**
 * Why a meeting's date cannot be right, if it cannot: a meeting marked held is not in the future, and
 * no meeting is before 2000 or planned more than a year ahead.
 */
export function meetingDateProblem(status: (typeof meetingStatuses)[number], heldAt: string, now: Date): { detail: string; message: string } | null {
  const t = Date.parse(heldAt);
  if (t < Date.parse(EARLIEST_MEETING)) return { detail: '会议时间早于 2000 年，请检查年份', message: '会议时间不能早于 2000 年 1 月 1 日' };
  if (status === 'held' && t > now.getTime() + CLOCK_SLACK_MS) {
    return { detail: '尚未到会议时间，不能标记为已召开', message: '已召开的会议时间不能晚于现在；预约请选择“预约”' };
  }
  if (t > now.getTime() + YEAR_MS) return { detail: '会议时间在一年以后，请检查年份', message: '预约的会议最多安排在一年以内' };
  return null;
}

/** Check-in to a meeting opens 30 minutes before it and stays open for 6 hours after its start. */
export function meetingCheckInWindow(heldAt: string): { opensMs: number; closesMs: number } {
  const t = Date.parse(heldAt);
  return { opensMs: t - 30 * 60_000, closesMs: t + 6 * 3_600_000 };
}

export const photoUploadBody = z.strictObject({
  contentType: z.string(),
  size: z.int(),
});
export { photoUpload } from '../http/upload';
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** 一方隶属、多重组织生活: a member of another branch who takes part in this one's organisation life. */
export const attachMemberBody = z.strictObject({ userId: id });
export const rosterEntry = z.object({ userId: z.string(), name: z.string(), orgId: z.string(), guest: z.boolean() });
export const roster = z.object({ items: z.array(rosterEntry) });

export const myMeeting = z.object({
  id: z.string(), orgName: z.string(), type: meetingType, typeLabel: z.string(), heldAt: isoDateTime, topic: z.string(),
  place: z.string(), status: meetingStatus, attended: z.boolean(), absenceReason: z.optional(z.string()),
});
export const myAttendance = z.object({
  year: z.string(),
  held: z.number(),
  attended: z.number(),
  rate: z.nullable(z.number()),
  items: z.array(myMeeting),
});
