import { coverageClassLabels, emptyFigures, addInstitution, withShare, gapKindLabels, institutionGap, institutionTypeLabels, type CoverageFigures, type InstitutionCensus } from '@kaimen/shared';
import { workbookOf } from '../lib/workbook';
import type { CensusSnapshot } from './census';
import type { OrgRecord } from './store';

type Row = Record<string, unknown>;

function totalRow(label: string, f: CoverageFigures): Row {
  const s = withShare(f);
  return {
    name: label, practitioners: s.practitioners, members: s.members, full: s.fullMembers, share: s.memberShare,
    expected: `单独 ${s.expectedByClass.own} / 联合 ${s.expectedByClass.joint} / 选派 ${s.expectedByClass.liaison}`,
    actual: `单独 ${s.byClass.own} / 联合 ${s.byClass.joint} / 选派 ${s.byClass.liaison} / 未覆盖 ${s.byClass.uncovered}`,
    gap: s.gapCount ? `${s.gapCount} 处` : '',
  };
}

/**
 * The census form (摸底调查表): one row per institution under its county, a total row after each
 * county and each city, and the grand total last. Institutions directly under a city (or the
 * province) are listed under “市直” (or “省直”).
 */
export async function censusWorkbook(s: CensusSnapshot): Promise<Buffer> {
  const byId = new Map<string, OrgRecord>(s.orgs.map((o) => [o.id, o]));
  const orgOf = new Map(s.orgs.map((o) => [o.id, o]));
  const partyNames = (inst: OrgRecord) => [...(inst.ownOrgIds ?? []), ...(inst.jointOrgIds ?? [])].map((id) => orgOf.get(id)?.name ?? id).join('、');
  const bureauAt = (c: InstitutionCensus, level: 'city' | 'county') =>
    c.path.split('/').filter(Boolean).map((id) => byId.get(id)).find((o) => o?.kind === 'bureau' && o.bureauLevel === level);
  const groups = new Map<string, { city: string; county: string; rows: InstitutionCensus[] }>();
  for (const c of [...s.institutions].sort((a, b) => a.path.localeCompare(b.path))) {
    const city = bureauAt(c, 'city')?.name ?? '省直';
    const county = bureauAt(c, 'county')?.name ?? `${city === '省直' ? '' : city}直属`;
    const key = `${city}|${county}`;
    if (!groups.has(key)) groups.set(key, { city, county, rows: [] });
    groups.get(key)!.rows.push(c);
  }
  const rows: Row[] = [];
  const grand = emptyFigures();
  let n = 0;
  let cityName: string | null = null;
  let cityTotal = emptyFigures();
  const closeCity = () => {
    if (cityName !== null) rows.push({ ...totalRow(`${cityName} 合计`, cityTotal), city: cityName });
  };
  for (const g of groups.values()) {
    if (g.city !== cityName) {
      closeCity();
      cityName = g.city;
      cityTotal = emptyFigures();
    }
    const county = emptyFigures();
    for (const c of g.rows) {
      const inst = byId.get(c.id)!;
      const gap = institutionGap(c);
      rows.push({
        n: ++n, city: g.city, county: g.county, name: c.name, type: institutionTypeLabels[c.institutionType], licence: inst.licenceNumber ?? '',
        practitioners: c.practitioners, members: c.members, full: c.fullMembers, share: c.practitioners ? c.members / c.practitioners : 0,
        source: c.source === 'roster' ? '名册' : '填报', expected: coverageClassLabels[c.expected], actual: coverageClassLabels[c.actual],
        orgs: partyNames(inst) || (inst.liaison ? `${inst.liaison.role === 'instructor' ? '党建指导员' : '党建联络员'} ${inst.liaison.name}` : ''),
        gap: gap ? gapKindLabels[gap] : '',
      });
      for (const f of [county, cityTotal, grand]) addInstitution(f, c);
    }
    rows.push({ ...totalRow(`${g.county} 小计`, county), city: g.city, county: g.county });
  }
  closeCity();
  rows.push(totalRow('总计', grand));
  return workbookOf([{
    name: '摸底调查表',
    columns: [
      { header: '序号', key: 'n', width: 6 }, { header: '市', key: 'city', width: 16 }, { header: '县（区）', key: 'county', width: 20 },
      { header: '机构名称', key: 'name', width: 30 }, { header: '机构类型', key: 'type', width: 14 }, { header: '执业许可证号', key: 'licence', width: 16 },
      { header: '从业人员', key: 'practitioners', width: 10 }, { header: '党员', key: 'members', width: 8 }, { header: '其中正式党员', key: 'full', width: 12 },
      { header: '党员占比', key: 'share', width: 10, numFmt: '0.0%' }, { header: '数据来源', key: 'source', width: 10 },
      { header: '应建方式', key: 'expected', width: 26 }, { header: '党组织状态', key: 'actual', width: 34 },
      { header: '所在党组织 / 指导员', key: 'orgs', width: 30, wrap: true }, { header: '缺口', key: 'gap', width: 24 },
    ],
    rows,
  }], '摸底调查表');
}
