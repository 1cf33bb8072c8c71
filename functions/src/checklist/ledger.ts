import { channelLabels, maskPersonalData, signOffLabels, type AdminItem, type Channel } from '@kaimen/shared';
import { workbookOf } from '../lib/workbook';

export interface LedgerSource {
  itemNo: number;
  id: string;
  externalId?: string;
  channel: Channel;
  categoryLabel: string;
  submittedAt: string;
  content: string;
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function signOffText(it: AdminItem): string {
  const s = it.signOff;
  if (s.state === 'none') return '';
  const who = s.by ? `（${[s.byOrgName, s.by].filter(Boolean).join(' ')}）` : '';
  return `${signOffLabels[s.state]}${who}${s.reason ? `：${s.reason}` : ''}`;
}

/** The ledger (整改台账) in the form bureaus use, and a second sheet with each item's source suggestions. */
export async function ledgerWorkbook(title: string, items: AdminItem[], sources: LedgerSource[]): Promise<Buffer> {
  return workbookOf([
    {
      name: '整改台账',
      columns: [
        { header: '序号', key: 'n', width: 6 },
        { header: '问题类别', key: 'category', width: 14 },
        { header: '问题描述', key: 'title', width: 36, wrap: true },
        { header: '意见条数', key: 'count', width: 10 },
        { header: '整改目标', key: 'target', width: 40, wrap: true },
        { header: '责任单位', key: 'owner', width: 20 },
        { header: '完成时限', key: 'deadline', width: 12 },
        { header: '整改进展', key: 'progress', width: 40, wrap: true },
        { header: '状态', key: 'status', width: 10 },
        { header: '问题来源', key: 'source', width: 12 },
        { header: '销号审核', key: 'signOff', width: 24, wrap: true },
      ],
      rows: items.map((it, i) => ({
        n: i + 1, category: it.categoryLabel, title: it.title, count: it.suggestionCount, target: it.target ?? '',
        owner: it.owner ?? '', deadline: it.deadline ?? '', progress: it.progress ?? '', status: it.overdue ? `${it.statusLabel}（逾期）` : it.statusLabel,
        source: it.sourceLabel, signOff: signOffText(it),
      })),
    },
    {
      name: '意见来源',
      columns: [
        { header: '事项序号', key: 'n', width: 10 },
        { header: '意见编号', key: 'id', width: 28 },
        { header: '外部编号', key: 'externalId', width: 12 },
        { header: '渠道', key: 'channel', width: 12 },
        { header: '类别', key: 'category', width: 14 },
        { header: '提交时间', key: 'submittedAt', width: 18 },
        { header: '意见内容', key: 'content', width: 70, wrap: true },
      ],
      rows: sources.map((s) => ({
        n: s.itemNo, id: s.id, externalId: s.externalId ?? '', channel: channelLabels[s.channel] ?? s.channel, category: s.categoryLabel,
        submittedAt: beijing(s.submittedAt), content: maskPersonalData(s.content),
      })),
    },
  ], title);
}
