import { randomUUID } from 'node:crypto';
import {
  coverageByUnit, defaultInspectItems, defaultPledge, filingErrors, isLate, type InspectForm, type InspectReport,
} from '@kaimen/shared';
import { inspectRoutes as routes } from '@kaimen/shared/inspect/routes';
import { bind, Reply, type Binding } from '../lib/api';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import { newId } from '../lib/ids';
import type { Principal } from '../lib/tokens';
import { keys } from '../db/keys';
import { getUser } from '../auth/store';
import { assertResponsible, auditView, viewsOf } from './confidential';
import { publishingOrg, resolveAudience } from './people';
import { askedFor, askedOf, fileReport, filedOf, formsUnder, getAsked, getFiled, getForm, putForm, type FiledRecord, type InspectFormRecord } from './store';

const WHAT = '自查事项报告表的答卷';

function formView(f: InspectFormRecord, filed: number): InspectForm {
  return {
    id: f.id, title: f.title, orgId: f.orgId, orgName: f.orgName, instructions: f.instructions, items: f.items, pledge: f.pledge,
    deadline: f.deadline, createdAt: f.createdAt, createdBy: f.createdBy, asked: f.asked, filed,
  };
}

function reportView(r: FiledRecord): InspectReport {
  const { orgPath: _o, ...rest } = r;
  return rest;
}

async function responsibleForm(principal: Principal, formId: string): Promise<InspectFormRecord> {
  const form = await getForm(formId);
  if (!form) throw notFound('自查事项报告表不存在');
  assertResponsible(principal, form, WHAT);
  return form;
}

const viewKey = (formId: string, now: Date, requestId: string) => keys.inspectView(formId, now.toISOString(), requestId || randomUUID());

export const bindings: Binding[] = [
  bind(routes.createInspectForm, async ({ body, principal, now }) => {
    const org = await publishingOrg(principal, body.orgId);
    const people = await resolveAudience(org, body.audience);
    const items = (body.items ?? [...defaultInspectItems]).map((text, i) => ({ key: String(i + 1), text }));
    const form: InspectFormRecord = {
      id: newId(now.getTime()), title: body.title, orgId: org.id, orgPath: org.path, orgName: org.name, instructions: body.instructions?.trim() ?? '',
      items, pledge: body.pledge ?? defaultPledge, deadline: body.deadline, asked: people.length, createdAt: now.toISOString(), createdBy: principal.name,
    };
    await putForm(form, people);
    return new Reply(201, formView(form, 0));
  }),

  bind(routes.listInspectForms, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    const forms = await formsUnder(principal.orgPath);
    return { items: forms.map((f) => formView(f, f.filed ?? 0)) };
  }),

  bind(routes.inspectCoverage, async ({ params, principal }) => {
    const form = await responsibleForm(principal, params.formId);
    const asked = await askedOf(form.id);
    const units = coverageByUnit(asked.map((a) => ({ userId: a.userId, name: a.name, unitId: a.unitId, unitName: a.unitName, done: !!a.filedAt })));
    return { formId: form.id, asked: asked.length, filed: asked.filter((a) => a.filedAt).length, units };
  }),

  bind(routes.inspectReports, async ({ params, principal, now, requestId }) => {
    const form = await responsibleForm(principal, params.formId);
    await auditView(viewKey(form.id, now, requestId), principal, '全部答卷', now);
    const filed = await filedOf(form.id);
    return { formId: form.id, items: filed.sort((a, b) => a.filedAt.localeCompare(b.filedAt)).map(reportView) };
  }),

  bind(routes.inspectReport, async ({ params, principal, now, requestId }) => {
    const form = await responsibleForm(principal, params.formId);
    const filed = await getFiled(form.id, params.userId);
    if (!filed) throw notFound('此人尚未提交答卷');
    await auditView(viewKey(form.id, now, requestId), principal, '一人的答卷', now, filed.name);
    return reportView(filed);
  }),

  bind(routes.inspectViews, async ({ params, principal }) => {
    const form = await responsibleForm(principal, params.formId);
    return { items: await viewsOf(keys.inspectViewPrefix(form.id)) };
  }),

  bind(routes.myInspections, async ({ principal, now }) => {
    const asked = await askedFor(principal.userId);
    const forms = await Promise.all(asked.map((a) => getForm(a.formId)));
    return {
      items: asked.flatMap((a, i) => {
        const f = forms[i];
        return f ? [{ formId: f.id, title: f.title, orgName: f.orgName, deadline: f.deadline, filedAt: a.filedAt ?? null, overdue: !a.filedAt && isLate(f.deadline, now) }] : [];
      }),
    };
  }),

  bind(routes.myInspection, async ({ params, principal }) => {
    const [form, asked] = await Promise.all([getForm(params.formId), getAsked(params.formId, principal.userId)]);
    if (!form) throw notFound('自查事项报告表不存在');
    if (!asked) throw forbidden('您不在这份自查事项报告表的填报范围内');
    const own = asked.filedAt ? await getFiled(form.id, principal.userId) : undefined;
    return {
      form: { id: form.id, title: form.title, orgName: form.orgName, instructions: form.instructions, items: form.items, pledge: form.pledge, deadline: form.deadline },
      name: asked.name,
      report: own ? reportView(own) : null,
    };
  }),

  bind(routes.fileInspection, async ({ params, body, principal, now }) => {
    const form = await getForm(params.formId);
    if (!form) throw notFound('自查事项报告表不存在');
    const asked = await getAsked(form.id, principal.userId);
    if (!asked) throw forbidden('您不在这份自查事项报告表的填报范围内');
    if (asked.filedAt) throw conflict('您已提交过这份自查事项报告表，不能重复提交');
    const user = await getUser(principal.userId);
    const errors = filingErrors(form.items, body, user?.name ?? asked.name);
    if (errors.length) throw validationFailed('自查事项报告表填写不完整，请逐项核对', errors);
    const byKey = new Map(body.answers.map((a) => [a.key, a]));
    const answers = form.items.map((item) => {
      const a = byKey.get(item.key)!;
      return { key: item.key, text: item.text, finding: a.finding, detail: a.finding === 'found' ? (a.detail ?? '').trim() : '' };
    });
    const report: FiledRecord = {
      formId: form.id, userId: asked.userId, name: asked.name, unitName: asked.unitName, filedAt: now.toISOString(), late: isLate(form.deadline, now),
      answers, other: body.other?.trim() ?? '', signature: body.signature.trim(), found: answers.filter((a) => a.finding === 'found').length, orgPath: form.orgPath,
    };
    await fileReport(report);
    return new Reply(201, reportView(report));
  }),
];


