import { createHash } from 'node:crypto';
import { CODE_ALPHABET, type Channel } from '@kaimen/shared';
import { keys } from '../../functions/src/db/keys';
import { suggestionItem, type SuggestionRecord } from '../../functions/src/feedback/suggestion-store';

/** Demo suggestions for the demo campaign (our own writing), a few already answered. */
const demo: [category: string, channel: Channel, daysAgo: number, content: string, reply?: string][] = [
  ['notary', 'miniapp', 18, '公证处周六周日都不开门，上班族只能请假来办，能不能周末安排值班？', '自12月起每周六上午安排公证员值班，办理继承、委托等常见业务。'],
  ['notary', 'window', 17, '办个继承公证要跑三趟，每次都说还差材料，希望一次性告知清楚。'],
  ['notary', 'miniapp', 15, '公证收费按房产价值的比例收，标准在哪里能查到？希望在大厅公示。', '收费标准已在大厅公示栏和小程序“办事指南”中公开。'],
  ['legal_aid', 'letter', 16, '申请法律援助要开经济困难证明，村里说不归他们管，来回推，老百姓没办法。'],
  ['legal_aid', 'miniapp', 12, '法律援助律师接案后一直没联系我，开庭前一天才打电话，准备不充分。'],
  ['hotline', 'miniapp', 14, '12348热线中午打了好几次都占线，能不能增加中午时段的坐席？'],
  ['hotline', 'questionnaire', 11, '热线咨询的解答比较笼统，建议能转接专业律师或者预约面谈。'],
  ['appraisal', 'forum', 13, '司法鉴定周期太长，伤残鉴定等了两个多月，影响诉讼进度。'],
  ['appraisal', 'miniapp', 6, '鉴定费用收费项目不清楚，希望提前出具收费明细。'],
  ['lawyer', 'miniapp', 10, '个别律师收了代理费后很少沟通案件进展，希望加强对律师执业的监督。'],
  ['mediation', 'window', 9, '社区人民调解员很耐心，帮我们邻里纠纷调解成功，点赞！'],
  ['mediation', 'miniapp', 5, '调解协议达成后对方不履行，调解委员会说管不了，希望有后续跟进机制。'],
  ['public_service', 'window', 8, '公共法律服务中心大厅没有叫号屏，排队全靠喊，秩序比较乱。'],
  ['public_service', 'miniapp', 4, '来窗口的外地人不少，能否提供普通话以外的方言或英文服务指引？'],
  ['law_education', 'forum', 7, '普法宣传多在城区，乡镇和村里很少见到，建议送法下乡常态化。'],
  ['staff_conduct', 'questionnaire', 3, '窗口工作人员整体态度不错，但个别人员玩手机，建议加强管理。'],
  ['correction', 'letter', 2, '社区矫正对象每周报到时间和上班冲突，能不能线上报到或者调整时间？'],
  ['admin_review', 'miniapp', 1, '行政复议申请书格式要求不清楚，希望提供范本下载。'],
];

function codeFor(id: string): string {
  const h = createHash('sha256').update(`kaimen-demo-${id}`).digest();
  let out = '';
  for (let i = 0; i < 12; i++) out += CODE_ALPHABET[h[i]! & 31];
  return out;
}

export async function seedFeedback(
  putNew: (item: Record<string, unknown>) => Promise<boolean>,
  campaign: { id: string; orgPath: string },
  now: Date,
): Promise<number> {
  let written = 0;
  for (const [i, [category, channel, daysAgo, content, reply]] of demo.entries()) {
    const id = `demo-s-${String(i + 1).padStart(2, '0')}`;
    const at = new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
    const s: SuggestionRecord = {
      id, campaignId: campaign.id, campaignOrgPath: campaign.orgPath, category, content, channel, anonymous: true,
      ...(channel === 'miniapp' ? { trackingCode: codeFor(id) } : { externalId: `demo-offline-${i + 1}` }),
      createdAt: at, submittedAt: at,
      ...(reply ? { reviewedAt: at, reply: { text: reply, at: new Date(Date.parse(at) + 2 * 86_400_000).toISOString(), by: '陈海燕' } } : {}),
    };
    if (await putNew(suggestionItem(s))) written++;
    if (s.trackingCode && (await putNew({ ...keys.trackingCode(s.trackingCode), type: 'tracking', suggestionId: id }))) written++;
    if (s.externalId && (await putNew({ ...keys.externalId(campaign.id, s.externalId), type: 'externalId', externalId: s.externalId, suggestionId: id }))) written++;
  }
  return written;
}
