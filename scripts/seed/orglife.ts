import { TransactionCanceledException } from '../../functions/src/lib/dynamo';
import type { MeetingType } from '@kaimen/shared';
import { createMeeting, type MeetingRecord } from '../../functions/src/orglife/meeting-store';

const DAY = 86_400_000;
const branch = { id: 'lj-dh-gz-b1', name: '东湖公证处党支部', path: '/jn/lj/lj-dh/lj-dh-gz/lj-dh-gz-b1/' };
const member = (i: number, name: string) => ({ userId: `m-${branch.id}-${i}`, name });
const people = [member(1, '王晓明'), member(2, '李静'), member(3, '张磊'), member(4, '赵敏'), member(5, '孙丽华')];

const demo: [string, MeetingType, number, string, number[]][] = [
  ['demo-ol-1', 'committee_meeting', 40, '研究季度党建工作安排', [0, 1, 2]],
  ['demo-ol-2', 'theme_day', 35, '“法治为民”主题党日：走进社区普法', [0, 1, 2, 3, 4]],
  ['demo-ol-3', 'party_lecture', 20, '书记讲党课：以公证服务践行初心', [0, 1, 3, 4]],
];

/** A few meetings of the demo secretary's branch, through the real write path (meeting, check-in code, aggregates). */
export async function seedOrgLife(now: Date): Promise<number> {
  let written = 0;
  for (const [id, type, daysAgo, topic, present] of demo) {
    const heldAt = new Date(now.getTime() - daysAgo * DAY).toISOString();
    const m: MeetingRecord = {
      id, orgId: branch.id, orgPath: branch.path, orgName: branch.name, type, status: 'held', heldAt, place: '公证处三楼会议室', topic,
      presider: people[0]!, attendees: present.map((i) => ({ ...people[i]!, guest: false })),
      absences: people.filter((_, i) => !present.includes(i)).map((p) => ({ ...p, reason: '外出办理公证业务' })),
      rosterSize: people.length, minutes: `<p>${topic}。会议由王晓明同志主持。</p>`, photos: [], checkInCode: `DEMO${id.slice(-1)}OL${id.length}`,
      createdAt: heldAt, createdBy: people[0]!.userId, version: 1,
    };
    try {
      await createMeeting(m, Date.parse(heldAt) + 6 * 3_600_000);
      written++;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
    }
  }
  return written;
}
