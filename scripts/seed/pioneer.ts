import { monthOf, previousMonth } from '@kaimen/shared';
import { keys } from '../../functions/src/db/keys';
import { postItem, type PostRecord } from '../../functions/src/pioneer/store';
import { outcomeItem, projectItem, type ProjectRecord } from '../../functions/src/service/store';
import { putNew } from './put-new';

type Put = typeof putNew;

/** Demo pioneer cards (two public, one awaiting review), a 便民 project and last month's outcomes of a few institutions. */
export async function seedPioneer(put: Put, now: Date, orgPaths: Map<string, string>): Promise<number> {
  const at = now.toISOString();
  const path = (id: string) => orgPaths.get(id)!;
  const card = (p: Pick<PostRecord, 'id' | 'userId' | 'name' | 'orgId' | 'institutionId' | 'institutionName' | 'kind' | 'window' | 'pledge' | 'services' | 'status'> & { level?: PostRecord['level'] }): PostRecord => ({
    ...p, level: p.level ?? 'institution', orgPath: path(p.orgId), submittedAt: at,
    ...(p.status === 'approved' ? { approvedAt: at, reviewedAt: at, reviewedBy: '王晓明' } : {}),
    ratingCount: p.status === 'approved' ? 3 : 0, ratingSum: p.status === 'approved' ? 14 : 0, version: 1,
  });
  const cards = [
    card({ id: 'pp-demo-lj', userId: 'm-lj-dh-gz-b1-3', name: '张磊', orgId: 'lj-dh-gz-b1', institutionId: 'lj-dh-gz', institutionName: '临江市东湖公证处', kind: 'pioneer_post', level: 'city', window: '公证受理一号窗口', pledge: '亮明党员身份，一次告知所需材料，能当天办结的当天办结，不让群众跑冤枉路。', services: ['公证咨询', '预约上门办证', '老年人绿色通道'], status: 'approved' }),
    card({ id: 'pp-demo-lj-2', userId: 'm-lj-dh-ls1-b1-2', name: '吴芳', orgId: 'lj-dh-ls1-b1', institutionId: 'lj-dh-ls1', institutionName: '临江明正律师事务所', kind: 'service_team', window: '社区法律顾问', pledge: '每月到联系社区坐班两次，为困难群众提供免费法律咨询。', services: ['免费法律咨询', '法律援助案件代理'], status: 'pending' }),
    card({ id: 'pp-demo-qs', userId: 'm-qs-bt-gf-b1-2', name: '熊英', orgId: 'qs-bt-gf-b1', institutionId: 'qs-bt-gf', institutionName: '北塘县公共法律服务中心', kind: 'model_post', window: '综合服务窗口', pledge: '首问负责，限时办结，群众满意是我的工作标准。', services: ['法律咨询', '法律援助受理'], status: 'approved' }),
  ];
  let written = 0;
  for (const c of cards) {
    if (await put(postItem(c))) written++;
    if (await put({ ...keys.memberPost(c.userId), type: 'memberPost', postId: c.id })) written++;
  }
  const project: ProjectRecord = {
    id: 'svc-demo-lj-dh', orgId: 'lj-dh', orgName: '临江市东湖区司法局', orgPath: path('lj-dh'), title: '便民十条：公证“最多跑一次”',
    owner: '公证管理科', target: '群众办理常见公证事项最多跑一次，材料一次告知', deadline: new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
    status: 'in_progress', percent: 40, progress: [{ at, note: '东湖公证处已公布一次告知清单', percent: 40, by: '刘建国' }], createdAt: at, updatedAt: at, version: 1,
  };
  if (await put(projectItem(project))) written++;
  const last = previousMonth(monthOf(now.getTime())); // months are Beijing months, as everywhere
  const outcomes = [
    { orgId: 'lj-dh-gz', orgName: '临江市东湖公证处', legalAidCases: 0, feesWaivedYuan: 3200, disputesMediated: 0, consultations: 146 },
    { orgId: 'lj-dh-ls1', orgName: '临江明正律师事务所', legalAidCases: 9, feesWaivedYuan: 18000, disputesMediated: 3, consultations: 85 },
    { orgId: 'lj-xl-tj', orgName: '西岭区人民调解委员会', legalAidCases: 0, feesWaivedYuan: 0, disputesMediated: 37, consultations: 52 },
  ];
  for (const o of outcomes) if (await put(outcomeItem({ ...o, orgPath: path(o.orgId), month: last, updatedAt: at, by: '演示数据' }))) written++;
  return written;
}
