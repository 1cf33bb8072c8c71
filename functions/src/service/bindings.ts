import {
  isInstitution, monthsBetween, parseOutcomeRows, rollUpOutcomes, statusAfterProgress, MAX_PROGRESS_NOTES, MAX_RANGE_MONTHS,
} from '@kaimen/shared';
import { serviceRoutes as routes } from '@kaimen/shared/service/routes';
import { bind, type Binding } from '../lib/api';
import { newId } from '../lib/ids';
import { notFound, validationFailed } from '../lib/problem';
import { inScope } from '../lib/scope';
import { readSheet } from '../lib/sheets';
import type { Principal } from '../lib/tokens';
import { isActive, listChildren, orgsUnder } from '../org/store';
import { outcomeOrg, projectOwnerOrg } from './access';
import { getProject, outcomesUnder, projectsUnder, projectView, putOutcome, putProject, type OutcomeRecord, type ProjectRecord } from './store';

const MAX_IMPORT_ROWS = 5000;
/** The current month in China time. */
const thisMonth = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

async function scopedProject(principal: Principal, projectId: string): Promise<ProjectRecord> {
  const p = await getProject(projectId);
  if (!p || !inScope(principal, p.orgPath)) throw notFound('办实事项目不存在或不在您的管理范围内');
  return p;
}

/** 我为群众办实事: projects and their progress; institutions' monthly outcomes, typed in or imported, rolled up. */
export const bindings: Binding[] = [
  bind(routes.createProject, async ({ params, body, principal, now }) => {
    const org = await projectOwnerOrg(principal, params.orgId);
    const at = now.toISOString();
    const p: ProjectRecord = {
      id: newId(now.getTime()), orgId: org.id, orgName: org.name, orgPath: org.path, ...body,
      status: 'planned', percent: 0, progress: [], createdAt: at, updatedAt: at, version: 1,
    };
    await putProject(p);
    return projectView(p, now);
  }),

  bind(routes.listProjects, async ({ params, principal, now }) => {
    // Any org the caller may see: an institution lists its branches' projects too.
    const org = await outcomeOrg(principal, params.orgId);
    const items = (await projectsUnder(org.path)).sort((a, b) => a.deadline.localeCompare(b.deadline));
    return { items: items.map((p) => projectView(p, now)), nextCursor: null };
  }),

  bind(routes.updateProject, async ({ params, body, principal, now }) => {
    const p = await scopedProject(principal, params.projectId);
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const next: ProjectRecord = { ...p, ...changes, ...(body.status === 'done' ? { percent: 100 } : {}), updatedAt: now.toISOString(), version: p.version + 1 };
    await putProject(next, p.version);
    return projectView(next, now);
  }),

  bind(routes.addProjectProgress, async ({ params, body, principal, now }) => {
    const p = await scopedProject(principal, params.projectId);
    const at = now.toISOString();
    const progress = [...p.progress, { at, note: body.note, percent: body.percent, by: principal.name }].slice(-MAX_PROGRESS_NOTES);
    const next: ProjectRecord = { ...p, progress, percent: body.percent, status: statusAfterProgress(body.percent), updatedAt: at, version: p.version + 1 };
    await putProject(next, p.version);
    return projectView(next, now);
  }),

  bind(routes.saveOutcome, async ({ params, body, principal, now }) => {
    const org = await outcomeOrg(principal, params.orgId);
    if (!isInstitution(org)) throw validationFailed('办实事成效按服务机构填报', [{ path: 'orgId', message: '请选择律所、公证处、法律援助中心等服务机构' }]);
    if (params.month > thisMonth(now)) throw validationFailed('不能填报以后月份的数据', [{ path: 'month', message: '请选择本月或以前的月份' }]);
    const o: OutcomeRecord = { orgId: org.id, orgName: org.name, orgPath: org.path, month: params.month, ...body, updatedAt: now.toISOString(), by: principal.name };
    await putOutcome(o);
    const { orgPath: _p, ...view } = o;
    return view;
  }),

  bind(routes.importOutcomes, async ({ params, raw, principal, now }) => {
    const root = await outcomeOrg(principal, params.orgId);
    const sheet = await readSheet(raw!.contentType, raw!.bytes);
    if (sheet.length > MAX_IMPORT_ROWS + 1) throw validationFailed(`一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`);
    const institutions = (await orgsUnder(root.path)).filter((o) => isInstitution(o) && isActive(o));
    const byName = new Map<string, typeof institutions>();
    for (const i of institutions) byName.set(i.name, [...(byName.get(i.name) ?? []), i]);
    const byId = new Map(institutions.map((i) => [i.id, i]));
    const resolve = (s: string) => byId.get(s) ?? (byName.get(s)?.length === 1 ? byName.get(s)![0] : undefined);
    const { rows, errors } = parseOutcomeRows(sheet, (s) => resolve(s) !== undefined);
    const current = thisMonth(now);
    for (const r of rows) if (r.month > current) errors.push({ row: r.row, message: '不能填报以后月份的数据' });
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      const problem = validationFailed(
        `文件中有 ${errors.length} 行有误，未导入任何内容，请修改后重新上传`,
        errors.map((e) => ({ path: `rows[${e.row}]`, row: e.row, message: e.message })),
      );
      Object.assign(problem.problem, { imported: 0 });
      throw problem;
    }
    const at = now.toISOString();
    const records: OutcomeRecord[] = rows.map(({ row: _r, institution, ...figures }) => {
      const inst = resolve(institution)!;
      return { orgId: inst.id, orgName: inst.name, orgPath: inst.path, ...figures, updatedAt: at, by: principal.name };
    });
    for (let i = 0; i < records.length; i += 25) await Promise.all(records.slice(i, i + 25).map(putOutcome));
    return { imported: records.length, errors: [] };
  }),

  bind(routes.outcomeRollup, async ({ params, query, principal, now }) => {
    const org = await outcomeOrg(principal, params.orgId);
    const to = query.to ?? query.from ?? thisMonth(now);
    const from = query.from ?? to;
    const months = monthsBetween(from, to);
    if (!months) throw validationFailed(`月份区间应从早到晚，最长 ${MAX_RANGE_MONTHS} 个月`, [{ path: 'query.from', message: '请调整起止月份' }]);
    const [records, children] = await Promise.all([
      Promise.all(months.map((m) => outcomesUnder(org.path, m))).then((all) => all.flat()),
      listChildren(org.id),
    ]);
    const units = children.filter((c) => isActive(c) && c.kind !== 'party_org');
    const sums = rollUpOutcomes(records, org.path, units.map((c) => ({ id: c.id, name: c.name, kind: c.kind, path: c.path })));
    return { orgId: org.id, orgName: org.name, from, to, ...sums };
  }),
];
