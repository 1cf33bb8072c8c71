import { channelLabels, ratingLabels, statusLabels, type AdminSuggestion, type Category } from '@kaimen/shared';
import { workbookOf } from '../lib/workbook';

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The inbox as a workbook, contact data included (the caller audits the export). */
export async function inboxWorkbook(title: string, categories: Category[], rows: AdminSuggestion[]): Promise<Buffer> {
  const labels = new Map(categories.map((c) => [c.key, c.label]));
  return workbookOf([{
    name: '意见建议',
    columns: [
      { header: '序号', key: 'n', width: 6 },
      { header: '提交时间', key: 'submittedAt', width: 18 },
      { header: '类别', key: 'category', width: 14 },
      { header: '渠道', key: 'channel', width: 10 },
      { header: '意见内容', key: 'content', width: 60, wrap: true },
      { header: '姓名', key: 'name', width: 10 },
      { header: '手机号码', key: 'phone', width: 14 },
      { header: '状态', key: 'status', width: 14 },
      { header: '答复', key: 'reply', width: 40, wrap: true },
      { header: '满意度', key: 'rating', width: 10 },
      { header: '标记', key: 'moderation', width: 8 },
      { header: '查询码', key: 'trackingCode', width: 16 },
      { header: '外部编号', key: 'externalId', width: 12 },
    ],
    rows: rows.map((s, i) => ({
      n: i + 1,
      submittedAt: beijing(s.submittedAt),
      category: labels.get(s.category) ?? s.category,
      channel: channelLabels[s.channel],
      content: s.content,
      name: s.contact?.name ?? (s.anonymous ? '匿名' : ''),
      phone: s.contact?.phone ?? '',
      status: statusLabels[s.status],
      reply: s.reply?.text ?? '',
      rating: s.rating ? ratingLabels[s.rating.rating] : '',
      moderation: s.moderation === 'spam' ? '无效' : s.moderation === 'duplicate' ? '重复' : '',
      trackingCode: s.trackingCode ?? '',
      externalId: s.externalId ?? '',
    })),
  }], title);
}
