import { workbookOf } from '../lib/workbook';
import { figuresOf, isBranch, totalsOf, type MemberFigures, type StudyReport } from '@kaimen/shared';
import { listArchive } from '../archive/store';
import type { OrgRecord } from '../org/store';
import { allPublishedTopics, listLessons, topicVisibleTo } from './content-store';
import { listOrgMembers, subtree, type RosterMember } from './roster';

export interface MemberRow extends MemberFigures {
  member: RosterMember;
  branchName: string;
  reflections: number;
  quizzesPassed: number;
}

/** Published lessons a member of `org` can study. */
export async function lessonsAvailableTo(orgPath: string): Promise<number> {
  const topics = (await allPublishedTopics()).filter((t) => topicVisibleTo(t, orgPath));
  const counts = await Promise.all(topics.map(async (t) => (await listLessons(t.id)).length));
  return counts.reduce((s, n) => s + n, 0);
}

/** Every branch under the org with its members' figures, read from their archives. */
export async function studyRows(org: OrgRecord): Promise<{ branches: OrgRecord[]; rows: MemberRow[] }> {
  const orgs = await subtree(org);
  // Branches with no Party member on the roster (census entries awaiting their roster) have nothing to report.
  const branches = orgs.filter((o) => isBranch(o) && o.status !== 'closed' && (o.memberCount ?? 1) > 0);
  const rows: MemberRow[] = [];
  for (const branch of branches) {
    const members = await listOrgMembers(branch.id);
    rows.push(...(await Promise.all(members.map(async (member) => {
      const t = totalsOf(await listArchive(member.id));
      return {
        member, branchName: branch.name, lessonsCompleted: t.lessonsCompleted, minutes: t.minutes, points: t.points,
        sessions: t.sessionsAttended, reflections: t.reflections, quizzesPassed: t.quizzesPassed,
      };
    }))));
  }
  return { branches, rows };
}

export function reportOf(org: OrgRecord, branches: OrgRecord[], rows: MemberRow[], lessonsAvailable: number): StudyReport {
  return {
    orgId: org.id,
    orgName: org.name,
    lessonsAvailable,
    totals: figuresOf(rows, lessonsAvailable),
    branches: branches.map((b) => ({ orgId: b.id, orgName: b.name, ...figuresOf(rows.filter((r) => r.member.orgId === b.id), lessonsAvailable) })),
  };
}

/** The yearly-evaluation workbook: one row per member, then one per branch; bold frozen headers. */
export async function reportWorkbook(report: StudyReport, rows: MemberRow[]): Promise<Buffer> {
  return workbookOf([
    {
      name: '党员学习情况',
      columns: [
        { header: '序号', key: 'n', width: 6 },
        { header: '支部', key: 'branch', width: 28 },
        { header: '姓名', key: 'name', width: 10 },
        { header: '完成课程', key: 'lessons', width: 10 },
        { header: '课程完成率', key: 'completion', width: 12, numFmt: '0.0%' },
        { header: '学习分钟', key: 'minutes', width: 10 },
        { header: '学习积分', key: 'points', width: 10 },
        { header: '集中学习次数', key: 'sessions', width: 14 },
        { header: '心得篇数', key: 'reflections', width: 10 },
        { header: '通过测试', key: 'quizzes', width: 10 },
      ],
      rows: rows.map((r, i) => ({
        n: i + 1, branch: r.branchName, name: r.member.name, lessons: r.lessonsCompleted,
        completion: report.lessonsAvailable > 0 ? Math.min(1, r.lessonsCompleted / report.lessonsAvailable) : 0,
        minutes: r.minutes, points: r.points, sessions: r.sessions, reflections: r.reflections, quizzes: r.quizzesPassed,
      })),
    },
    {
      name: '支部汇总',
      columns: [
        { header: '支部', key: 'name', width: 28 },
        { header: '党员人数', key: 'members', width: 10 },
        { header: '参学人数', key: 'active', width: 10 },
        { header: '完成课程', key: 'lessons', width: 10 },
        { header: '完成率', key: 'completion', width: 10, numFmt: '0.0%' },
        { header: '学习分钟', key: 'minutes', width: 10 },
        { header: '学习积分', key: 'points', width: 10 },
      ],
      rows: [...report.branches, { ...report.totals, orgName: `合计（${report.orgName}）` }].map((b) => ({
        name: b.orgName, members: b.members, active: b.activeMembers, lessons: b.lessonsCompleted, completion: b.completion, minutes: b.minutes, points: b.points,
      })),
    },
  ]);
}
