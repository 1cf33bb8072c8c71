import { meetingTypeLabels, meetingTypes, reportSectionLabels, type MonthlyReport, type ReportFigures, type ReportSections } from '@kaimen/shared';
import { workbookOf } from '../lib/workbook';

const statusLabels: Record<string, string> = { draft: '草稿', submitted: '已报送', returned: '已退回', missing: '未报送' };
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** The report's figures as labelled rows: the same rows in the workbook and on the printable page. */
export function figureRows(f: ReportFigures): [string, string, string | number][] {
  return [
    ['组织覆盖', '执业机构（有党组织）', f.coverage.institutions],
    ['组织覆盖', '党组织', f.coverage.partyOrgs],
    ['组织覆盖', '党员', f.coverage.members],
    ...meetingTypes.map((t): [string, string, string] => ['组织生活', `${meetingTypeLabels[t]}（已开/应开）`, `${f.orgLife.held[t]}/${f.orgLife.due[t]}`]),
    ['组织生活', '组织生活落后的党组织', f.orgLife.behindOrgs],
    ['组织生活', '本月参会率', pct(f.orgLife.attendanceRate)],
    ['学习教育', '集中学习（次）', f.study.sessions],
    ['学习教育', '集中学习时长（人·小时）', f.study.studyHours],
    ['学习教育', '本月开放的测试', f.study.quizzes],
    ['学习教育', '参加测试人数', f.study.quizParticipants],
    ['开门纳谏', '收到意见建议', f.suggestions.received],
    ['开门纳谏', '已答复', f.suggestions.answered],
    ['开门纳谏', '满意度', pct(f.suggestions.satisfaction)],
    ['整改清单', '整改事项', f.checklist.total],
    ['整改清单', '已完成', f.checklist.done],
    ['整改清单', '已逾期', f.checklist.overdue],
    ...(f.service ? ([
      ['我为群众办实事', '办理法律援助案件（件）', f.service.legalAidCases],
      ['我为群众办实事', '减免费用（元）', f.service.feesWaivedYuan],
      ['我为群众办实事', '调解纠纷（件）', f.service.disputesMediated],
      ['我为群众办实事', '解答咨询（人次）', f.service.consultations],
      ['我为群众办实事', '办实事项目（已办结/总数）', `${f.service.projectsDone}/${f.service.projects}`],
      ['我为群众办实事', '办实事项目已逾期', f.service.projectsOverdue],
    ] as [string, string, string | number][]) : []),
  ];
}

type Child = { orgName: string; status: string; late: boolean; submittedAt?: string; figures: ReportFigures };

export async function reportWorkbook(r: MonthlyReport, children: Child[]): Promise<Buffer> {
  const sectionRows = (Object.keys(reportSectionLabels) as (keyof ReportSections)[]).map((k) => ({ part: reportSectionLabels[k], text: r.sections[k] }));
  return workbookOf([
    {
      name: '月报数据', columns: [{ header: '类别', key: 'group', width: 12 }, { header: '项目', key: 'item', width: 30 }, { header: '数值', key: 'value', width: 14 }],
      rows: figureRows(r.figures).map(([group, item, value]) => ({ group, item, value })),
    },
    { name: '文字部分', columns: [{ header: '部分', key: 'part', width: 12 }, { header: '内容', key: 'text', width: 90, wrap: true }], rows: sectionRows },
    {
      name: '下级报送情况',
      columns: [
        { header: '单位', key: 'org', width: 28 }, { header: '状态', key: 'status', width: 10 }, { header: '逾期', key: 'late', width: 8 },
        { header: '报送时间', key: 'at', width: 22 }, { header: '党组织', key: 'partyOrgs', width: 10 }, { header: '组织生活已开/应开', key: 'life', width: 18 },
        { header: '落后党组织', key: 'behind', width: 12 }, { header: '收到意见', key: 'received', width: 10 },
      ],
      rows: children.map((c) => ({
        org: c.orgName, status: statusLabels[c.status] ?? c.status, late: c.late ? '是' : '', at: c.submittedAt ?? '',
        partyOrgs: c.figures.orgLife.partyOrgs, life: `${c.figures.orgLife.heldTotal}/${c.figures.orgLife.dueTotal}`,
        behind: c.figures.orgLife.behindOrgs, received: c.figures.suggestions.received,
      })),
    },
  ], `${r.orgName} ${r.month} 月报`);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained A4 page of the report for printing (all text escaped). */
export function reportPrintPage(r: MonthlyReport, children: Child[]): string {
  const rows = figureRows(r.figures).map(([g, i, v]) => `<tr><td>${esc(g)}</td><td>${esc(i)}</td><td class="n">${esc(String(v))}</td></tr>`).join('');
  const sections = (Object.keys(reportSectionLabels) as (keyof ReportSections)[])
    .map((k) => `<h2>${reportSectionLabels[k]}</h2><p class="text">${esc(r.sections[k] || '（未填写）')}</p>`).join('');
  const kids = children.length ? `<h2>下级报送情况</h2><table><tr><th>单位</th><th>状态</th><th>报送时间</th><th>组织生活已开/应开</th></tr>${children.map((c) =>
    `<tr><td>${esc(c.orgName)}</td><td>${statusLabels[c.status] ?? c.status}${c.late ? '（逾期）' : ''}</td><td>${esc(c.submittedAt?.slice(0, 10) ?? '')}</td><td class="n">${c.figures.orgLife.heldTotal}/${c.figures.orgLife.dueTotal}</td></tr>`).join('')}</table>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.orgName)} ${r.month} 党建工作月报</title>
<style>@page{size:A4;margin:18mm}body{font-family:"Noto Serif CJK SC","SimSun",serif;color:#111;max-width:180mm;margin:auto}
h1{text-align:center;font-size:20pt;margin:0 0 4mm}.meta{text-align:center;color:#444;margin-bottom:6mm}h2{font-size:13pt;border-left:4px solid #c00;padding-left:6px;margin-top:6mm}
table{width:100%;border-collapse:collapse;font-size:10.5pt}td,th{border:1px solid #999;padding:3px 6px}th{background:#f3f3f3}.n{text-align:right}.text{white-space:pre-wrap;line-height:1.7}</style></head>
<body><h1>${esc(r.orgName)}党建工作月报</h1><div class="meta">${r.month} · 第 ${r.version} 版 · ${statusLabels[r.status]}${r.submittedAt ? ` · 报送于 ${esc(r.submittedAt.slice(0, 10))}` : ''}</div>
<h2>主要数据</h2><table><tr><th>类别</th><th>项目</th><th>数值</th></tr>${rows}</table>${sections}${kids}</body></html>`;
}
