import {
  attendanceRate, meetingCheckInWindow, meetingDateProblem, meetingTypeLabels, normaliseCode, PHOTO_MAX_BYTES, photoContentTypes,
  type ProblemFieldError, type ReviewOutcome,
} from '@kaimen/shared';
import { orglifeRoutes as routes } from '@kaimen/shared/orglife/routes';
import { getUser } from '../auth/store';
import { bind, type Binding } from '../lib/api';
import { newCode, newId } from '../lib/ids';
import { conflict, forbidden, HttpProblem, notFound, validationFailed } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { assertInScope } from '../lib/scope';
import { getOrg } from '../org/store';
import { resolveCheckInCode } from '../study/session-store';
import { managedPartyOrg, maySeeReviewOutcomes } from './access';
import {
  attachMember, attachmentsOf, changeMeeting, createMeeting, getMeeting, meetingsOf, type Attendee, type MeetingRecord, type Person,
} from './meeting-store';
import { adminMeetingView, meetingView } from './meeting-view';
import { cleanMinutes } from './minutes';
import { orgLifeRoster, type OrgLifeMember } from './roster';

const CHECK_IN_CODE_LENGTH = 8;
const MAX_PHOTOS = 20;

interface PeopleInput {
  presiderId?: string;
  attendeeIds?: string[];
  absences?: { userId: string; reason: string }[];
  reviewOutcomes?: { userId: string; outcome: ReviewOutcome }[];
}

/** Checks every person named against the org-life roster; all problems at once, nothing written. */
function resolvePeople(input: PeopleInput, roster: OrgLifeMember[], keepCheckIns: Attendee[] = []) {
  const byId = new Map(roster.map((m) => [m.userId, m]));
  const errors: ProblemFieldError[] = [];
  const person = (id: string, path: string): Person | null => {
    const m = byId.get(id);
    if (!m) {
      errors.push({ path, message: '此人不在本党组织的组织生活名单中' });
      return null;
    }
    return { userId: m.userId, name: m.name };
  };
  const seen = new Set<string>();
  const attendees: Attendee[] = [];
  input.attendeeIds?.forEach((id, i) => {
    if (seen.has(id)) return errors.push({ path: `attendeeIds.${i}`, message: '同一人重复列出' });
    seen.add(id);
    const p = person(id, `attendeeIds.${i}`);
    const earlier = keepCheckIns.find((a) => a.userId === id);
    if (p) attendees.push({ ...p, guest: byId.get(id)!.guest, ...(earlier?.checkedInAt ? { checkedInAt: earlier.checkedInAt } : {}) });
  });
  const absences: (Person & { reason: string })[] = [];
  input.absences?.forEach((a, i) => {
    if (seen.has(a.userId)) return errors.push({ path: `absences.${i}.userId`, message: '出席人员不能同时登记为缺席' });
    seen.add(a.userId);
    const p = person(a.userId, `absences.${i}.userId`);
    if (p) absences.push({ ...p, reason: a.reason });
  });
  const presider = input.presiderId ? person(input.presiderId, 'presiderId') : null;
  const outcomes = input.reviewOutcomes?.map((o, i) => {
    const p = person(o.userId, `reviewOutcomes.${i}.userId`);
    return p ? { ...p, outcome: o.outcome } : null;
  }).filter((o): o is Person & { outcome: ReviewOutcome } => o !== null);
  return { attendees, absences, presider, outcomes, errors };
}

function assertPlausibleDate(status: MeetingRecord['status'], heldAt: string, now: Date): void {
  const problem = meetingDateProblem(status, heldAt, now);
  if (problem) throw validationFailed(problem.detail, [{ path: 'heldAt', message: problem.message }]);
}

async function meetingInScope(principal: Principal, id: string): Promise<MeetingRecord> {
  const m = await getMeeting(id);
  if (!m) throw notFound('会议记录不存在');
  assertInScope(principal, m.orgPath, '这次会议不在您所管理的组织范围内');
  return m;
}

const yearRange = (year: string) => ({ from: `${Number(year) - 1}-12-31T16:00:00.000Z`, to: `${year}-12-31T16:00:00.000Z` });
const currentYear = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4);

export const meetingRoutes: Binding[] = [
  bind(routes.createMeeting, async ({ params, body, principal, now }) => {
    const org = await managedPartyOrg(principal, params.partyOrgId);
    const status = body.status ?? 'held';
    assertPlausibleDate(status, body.heldAt, now);
    if (body.reviewOutcomes?.length && body.type !== 'member_review') {
      throw validationFailed('只有民主评议党员会议才登记评议结果', [{ path: 'reviewOutcomes', message: '请删除评议结果，或把会议类型改为民主评议党员' }]);
    }
    const minutes = await cleanMinutes(body.minutes);
    const roster = await orgLifeRoster(org.id);
    const people = resolvePeople(body, roster);
    if (people.errors.length) throw validationFailed('有人员不在本党组织的组织生活名单中，未保存', people.errors);
    const m: MeetingRecord = {
      id: newId(now.getTime()), orgId: org.id, orgPath: org.path, orgName: org.name, type: body.type, status, heldAt: body.heldAt,
      place: body.place ?? '', topic: body.topic, presider: people.presider, attendees: people.attendees, absences: people.absences,
      rosterSize: roster.length, minutes, photos: [], ...(body.type === 'member_review' ? { reviewOutcomes: people.outcomes ?? [] } : {}),
      checkInCode: newCode(CHECK_IN_CODE_LENGTH), createdAt: now.toISOString(), createdBy: principal.userId, version: 1,
    };
    await createMeeting(m, meetingCheckInWindow(m.heldAt).closesMs);
    return adminMeetingView(m, principal);
  }),

  bind(routes.listMeetings, async ({ params, query, principal, now }) => {
    const org = await managedPartyOrg(principal, params.orgId);
    const period = query.period ?? currentYear(now);
    const { from, to } = period.length === 4 ? yearRange(period) : {
      from: new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1) - 8 * 3_600_000).toISOString(),
      to: new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1) - 8 * 3_600_000).toISOString(),
    };
    const meetings = await meetingsOf(org.id, from, to);
    return { items: await Promise.all(meetings.reverse().map((m) => meetingView(m, principal))) };
  }),

  bind(routes.getMeeting, async ({ params, principal }) => adminMeetingView(await meetingInScope(principal, params.meetingId), principal)),

  bind(routes.updateMeeting, async ({ params, body, principal, now }) => {
    const before = await meetingInScope(principal, params.meetingId);
    const type = before.type;
    if (body.reviewOutcomes?.length && type !== 'member_review') {
      throw validationFailed('只有民主评议党员会议才登记评议结果', [{ path: 'reviewOutcomes', message: '这次会议不是民主评议党员' }]);
    }
    const minutes = body.minutes === undefined ? undefined : await cleanMinutes(body.minutes);
    const roster = await orgLifeRoster(before.orgId);
    // Validate against the stored meeting first, so a bad request changes nothing.
    const check = (m: MeetingRecord) => {
      const heldAt = body.heldAt ?? m.heldAt;
      const status = body.status ?? m.status;
      assertPlausibleDate(status, heldAt, now);
      const people = resolvePeople({
        presiderId: body.presiderId ?? m.presider?.userId,
        attendeeIds: body.attendeeIds ?? m.attendees.map((a) => a.userId),
        absences: body.absences ?? m.absences.map((a) => ({ userId: a.userId, reason: a.reason })),
        reviewOutcomes: body.reviewOutcomes ?? m.reviewOutcomes?.map((o) => ({ userId: o.userId, outcome: o.outcome })),
      }, roster.concat(m.attendees.filter((a) => !roster.some((r) => r.userId === a.userId)).map((a) => ({ ...a, orgId: m.orgId }))), m.attendees);
      if (people.errors.length) throw validationFailed('有人员不在本党组织的组织生活名单中，未保存', people.errors);
      return { heldAt, status, people };
    };
    check(before);
    const after = await changeMeeting(before.id, (m) => {
      const { heldAt, status, people } = check(m);
      return {
        ...m, heldAt, status, place: body.place ?? m.place, topic: body.topic ?? m.topic, presider: people.presider,
        attendees: people.attendees, absences: people.absences, minutes: minutes ?? m.minutes,
        ...(type === 'member_review' ? { reviewOutcomes: people.outcomes ?? [] } : {}),
      };
    });
    return adminMeetingView(after!, principal);
  }),

  bind(routes.meetingPhotoUpload, async ({ params, body, principal, now }) => {
    const m = await meetingInScope(principal, params.meetingId);
    if (!(photoContentTypes as readonly string[]).includes(body.contentType)) {
      throw validationFailed('只能上传图片（JPEG、PNG 或 WebP）', [{ path: 'contentType', message: '请选择 JPEG、PNG 或 WebP 格式的照片' }]);
    }
    if (body.size <= 0) throw validationFailed('照片是空的', [{ path: 'size', message: '请重新选择照片' }]);
    if (body.size > PHOTO_MAX_BYTES) {
      throw new HttpProblem('PAYLOAD_TOO_LARGE', `照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, [{ path: 'size', message: '请压缩后再上传' }]);
    }
    if (m.photos.length >= MAX_PHOTOS) throw conflict(`每次会议最多 ${MAX_PHOTOS} 张照片`);
    const ext = body.contentType.split('/')[1]!.replace('jpeg', 'jpg');
    const key = `meetings/${m.orgId}/${m.id}/${newId(now.getTime())}.${ext}`;
    const { presignUpload } = await import('./photos');
    const signed = await presignUpload(key, body.contentType, body.size);
    await changeMeeting(m.id, (cur) => (cur.photos.length >= MAX_PHOTOS ? null : { ...cur, photos: [...cur.photos, key] }));
    return { key, ...signed };
  }),

  bind(routes.partyOrgRoster, async ({ params, principal }) => {
    const org = await managedPartyOrg(principal, params.partyOrgId);
    return { items: (await orgLifeRoster(org.id)).map((m) => ({ userId: m.userId, name: m.name, orgId: m.orgId, guest: m.guest })) };
  }),

  bind(routes.attachMember, async ({ params, body, principal, now }) => {
    const org = await managedPartyOrg(principal, params.partyOrgId);
    const user = await getUser(body.userId);
    const home = user?.orgId ? await getOrg(user.orgId) : undefined;
    if (!user || !home || !(user.roles.includes('member') || user.roles.includes('secretary'))) {
      throw validationFailed('找不到这名党员', [{ path: 'userId', message: '请选择花名册中的党员' }]);
    }
    if (home.id === org.id) throw validationFailed('这名党员本来就在本支部', [{ path: 'userId', message: '无需重复列入' }]);
    // 一方隶属: the member stays on the home branch's roster; the provincial tree bounds who may be listed.
    if (home.path.split('/')[1] !== org.path.split('/')[1]) throw forbidden('只能列入本省的党员');
    await attachMember(org.id, { userId: user.id, name: user.name, homeOrgId: home.id }, now.toISOString());
    return { items: (await orgLifeRoster(org.id)).map((m) => ({ userId: m.userId, name: m.name, orgId: m.orgId, guest: m.guest })) };
  }),

  bind(routes.memberAttendance, async ({ params, query, principal, now }) => {
    const org = await managedPartyOrg(principal, params.partyOrgId);
    const year = query.year ?? currentYear(now);
    const { from, to } = yearRange(year);
    const [meetings, roster] = await Promise.all([meetingsOf(org.id, from, to), orgLifeRoster(org.id)]);
    const held = meetings.filter((m) => m.status === 'held');
    const items = roster.map((r) => {
      const attended = held.filter((m) => m.attendees.some((a) => a.userId === r.userId)).length;
      return { userId: r.userId, name: r.name, guest: r.guest, attended, absent: held.length - attended, rate: attendanceRate(attended, held.length) };
    }).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0) || a.name.localeCompare(b.name, 'zh'));
    return { orgId: org.id, year, meetings: held.length, items };
  }),

  bind(routes.memberReviews, async ({ params, query, principal, now }) => {
    const org = await managedPartyOrg(principal, params.partyOrgId);
    if (!maySeeReviewOutcomes(principal, org)) throw forbidden('民主评议结果仅本支部书记和上级管理员可以查看');
    const { from, to } = yearRange(query.year ?? currentYear(now));
    const reviews = (await meetingsOf(org.id, from, to)).filter((m) => m.type === 'member_review');
    return { items: await Promise.all(reviews.map((m) => meetingView(m, principal))) };
  }),

  bind(routes.meetingCheckIn, async ({ body, principal, now }) => {
    const target = await resolveCheckInCode(normaliseCode(body.code));
    const meeting = target?.meetingId ? await getMeeting(target.meetingId) : undefined;
    if (!meeting) throw notFound('签到码无效，请重新扫描现场的签到二维码');
    const roster = await orgLifeRoster(meeting.orgId);
    const me = roster.find((r) => r.userId === principal.userId);
    if (!me) throw forbidden('您不在这个党组织的组织生活名单中');
    const { opensMs, closesMs } = meetingCheckInWindow(meeting.heldAt);
    const t = now.getTime();
    if (t < opensMs) throw conflict('签到尚未开始，请在会议开始前 30 分钟内签到');
    if (t > closesMs) throw conflict('签到已结束');
    let already = false;
    const after = await changeMeeting(meeting.id, (m) => {
      already = m.attendees.some((a) => a.userId === me.userId);
      if (already) return null;
      return {
        ...m, attendees: [...m.attendees, { userId: me.userId, name: me.name, guest: me.guest, checkedInAt: now.toISOString() }],
        absences: m.absences.filter((a) => a.userId !== me.userId),
      };
    });
    return { meeting: await meetingView(after!, null), alreadyCheckedIn: already };
  }),

  bind(routes.myMeetings, async ({ query, principal, now }) => {
    if (!principal.orgId) throw forbidden('请先绑定党员身份');
    const year = query.year ?? currentYear(now);
    const { from, to } = yearRange(year);
    const orgIds = [principal.orgId, ...(await attachmentsOf(principal.userId))];
    const meetings = (await Promise.all(orgIds.map((id) => meetingsOf(id, from, to)))).flat().sort((a, b) => b.heldAt.localeCompare(a.heldAt));
    const items = meetings.map((m) => {
      const absence = m.absences.find((a) => a.userId === principal.userId);
      return {
        id: m.id, orgName: m.orgName, type: m.type, typeLabel: meetingTypeLabels[m.type], heldAt: m.heldAt, topic: m.topic, place: m.place,
        attended: m.attendees.some((a) => a.userId === principal.userId), ...(absence ? { absenceReason: absence.reason } : {}),
        status: m.status,
      };
    });
    const held = items.filter((i) => i.status === 'held');
    const attended = held.filter((i) => i.attended).length;
    return {
      year, held: held.length, attended, rate: attendanceRate(attended, held.length),
      items,
    };
  }),
];
