import { BatchWriteCommand, GetCommand } from '../../functions/src/lib/dynamo';
import { childPath, type BureauLevel, type InstitutionType, type Role } from '@kaimen/shared';
import { keys } from '../../functions/src/db/keys';
import { db, table } from '../../functions/src/lib/db';
import { orgItem, type OrgRecord } from '../../functions/src/org/store';
import { rosterItem, type Member } from '../../functions/src/org/member-store';
import type { DemoOrg } from './demo-data';

/** The org record of a demo node, with the roster counters its demo members make. */
export function demoOrgRecord(node: DemoOrg, parent: { id: string; path: string; kind: string } | null, path: string, createdAt: string): OrgRecord {
  const base: OrgRecord = { id: node.id, name: node.name, kind: node.kind, parentId: parent?.id ?? null, path, status: 'active', createdAt, updatedAt: createdAt };
  if (node.kind === 'bureau') return { ...base, bureauLevel: node.bureauLevel! };
  if (node.kind === 'party_org') {
    return { ...base, partyOrgType: node.partyOrgType ?? 'branch', institutionIds: parent?.kind === 'institution' ? [parent.id] : [], memberCount: node.members?.length ?? 0 };
  }
  const branches = (node.children ?? []).filter((c) => c.kind === 'party_org');
  const members = branches.reduce((n, b) => n + (b.members?.length ?? 0), 0);
  return {
    ...base, institutionType: node.institutionType ?? 'other', practitioners: node.practitioners ?? members,
    rosterTotal: members, rosterFull: members, rosterProbationary: 0, ownOrgIds: branches.map((b) => b.id),
  };
}

let phoneSerial = 0;
/** A demo roster entry: branch members are full Party members of the branch's institution, with an obviously fictional phone. */
export function demoMember(
  node: DemoOrg, parent: { id: string; kind: string } | null, i: number, name: string, roles: Role[], path: string, createdAt: string, openid?: string,
): Member | null {
  if (node.kind !== 'party_org' || parent?.kind !== 'institution') return null;
  phoneSerial++;
  return {
    id: `m-${node.id}-${i + 1}`, name, roles, orgId: node.id, orgPath: path, createdAt, updatedAt: createdAt, ...(openid ? { openid } : {}),
    status: 'full', gender: phoneSerial % 2 ? 'female' : 'male', birthMonth: `${1965 + (phoneSerial * 7) % 30}-${String(1 + (phoneSerial * 5) % 12).padStart(2, '0')}`,
    phone: `1390000${String(phoneSerial).padStart(4, '0')}`, institutionId: parent.id, partyOrgId: node.id,
    position: roles.includes('secretary') ? '支部书记' : null, active: true, version: 1,
  };
}

export function memberItems(m: Member) {
  return [rosterItem(m), { ...keys.phone(m.phone), type: 'phone', userId: m.id }];
}

/** A small deterministic PRNG: the same census every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tradeNames = ['信达', '正和', '明理', '公允', '弘法', '守正', '衡平', '诚立', '致和', '安澜', '瑞丰', '德信', '博远', '同心', '立言', '恒通', '秉公',
  '知行', '鼎元', '泽润', '嘉禾', '长青', '和畅', '启明', '汇智', '中则', '兴邦', '睿达', '方圆', '正道', '宏业', '清源', '天衡', '至诚', '厚德', '海纳',
  '锦程', '民安', '良言', '崇法', '静远', '开元', '融信', '益民', '广义', '晨光', '新锐', '楚天', '云帆', '明镜'];
const townNames = ['城关', '青石', '柳湾', '枫林', '桥头', '白沙', '石门', '双河', '新塘', '梅岭', '杏花', '龙泉', '东坝', '西湖', '南岸', '北镇'];

const typeMix: [InstitutionType, number, [number, number]][] = [
  ['law_firm', 0.46, [3, 48]], ['grassroots_legal_service', 0.15, [2, 9]], ['mediation', 0.15, [3, 15]], ['forensic', 0.09, [4, 30]],
  ['notary', 0.05, [6, 25]], ['legal_aid', 0.04, [3, 12]], ['other', 0.06, [2, 10]],
];
const suffix: Record<InstitutionType, (trade: string, town: string, short: string) => string> = {
  law_firm: (t, _, s) => `${s}${t}律师事务所`,
  grassroots_legal_service: (_, town, s) => `${s}${town}镇法律服务所`,
  mediation: (_, town, s) => `${s}${town}人民调解委员会`,
  forensic: (t, _, s) => `${s}${t}司法鉴定所`,
  notary: (t, _, s) => `${s}${t}公证处`,
  legal_aid: (_, town, s) => `${s}${town}法律援助工作站`,
  other: (_, town, s) => `${s}${town}公共法律服务工作站`,
};

export interface CensusCounty {
  id: string;
  name: string;
  short: string;
  cityId: string;
  /** A county the demo tree does not hold yet. */
  isNew: boolean;
}

export const censusCounties: CensusCounty[] = [
  { id: 'lj-dh', name: '临江市东湖区司法局', short: '东湖', cityId: 'lj', isNew: false },
  { id: 'lj-xl', name: '临江市西岭区司法局', short: '西岭', cityId: 'lj', isNew: false },
  { id: 'lj-nh', name: '临江市南湖区司法局', short: '南湖', cityId: 'lj', isNew: true },
  { id: 'lj-bs', name: '临江市碧山县司法局', short: '碧山', cityId: 'lj', isNew: true },
  { id: 'qs-ng', name: '青山市南岗县司法局', short: '南岗', cityId: 'qs', isNew: false },
  { id: 'qs-bt', name: '青山市北塘县司法局', short: '北塘', cityId: 'qs', isNew: false },
  { id: 'qs-cx', name: '青山市城西区司法局', short: '城西', cityId: 'qs', isNew: true },
  { id: 'qs-ly', name: '青山市柳溪县司法局', short: '柳溪', cityId: 'qs', isNew: true },
];

/** The roster's own institutions (../shared/data/roster.csv names them) so a bureau can try an import on the demo. */
const rosterInstitutions: [string, string, InstitutionType, number][] = [
  ['lj-dh-qs', '青石镇法律服务所', 'grassroots_legal_service', 11],
  ['lj-dh-sx', '临江市守信律师事务所', 'law_firm', 16],
  ['lj-dh-mj', '临江明鉴司法鉴定所', 'forensic', 12],
  ['lj-dh-cn', '东湖区城南调解委员会', 'mediation', 9],
  ['lj-dh-fy', '临江市法律援助中心', 'legal_aid', 10],
  ['lj-dh-hc', '临江汇诚律师事务所', 'law_firm', 8],
];

/**
 * The census around the demo tree: four more counties and about forty institutions in each of the
 * eight, with figures as a bureau would enter them before the rosters are imported, own branches,
 * joint branches, liaisons, and on purpose some gaps of every kind.
 */
export function generateCensus(orgPaths: Map<string, string>, createdAt: string): OrgRecord[] {
  const rnd = random(20260301);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: OrgRecord[] = [];
  const base = { status: 'active' as const, createdAt, updatedAt: createdAt };
  for (const c of censusCounties) {
    const cityPath = orgPaths.get(c.cityId)!;
    const countyPath = c.isNew ? childPath(cityPath, c.id) : orgPaths.get(c.id)!;
    if (c.isNew) out.push({ id: c.id, name: c.name, kind: 'bureau', bureauLevel: 'county' as BureauLevel, parentId: c.cityId, path: countyPath, ...base });
    const names = new Set<string>();
    const small: OrgRecord[] = [];
    const insts: OrgRecord[] = [];
    const add = (id: string, name: string, type: InstitutionType, practitioners: number, full: number, probationary: number) => {
      const inst: OrgRecord = {
        id, name, kind: 'institution', institutionType: type, parentId: c.id, path: childPath(countyPath, id), ...base,
        practitioners, enteredFull: full, enteredProbationary: probationary, rosterTotal: 0, rosterFull: 0, rosterProbationary: 0,
        address: `江南省${c.name.slice(0, 3)}${c.short}${pick(townNames)}路 ${between(1, 300)} 号`, licenceNumber: `3${between(10000, 99999)}${between(100000, 999999)}`,
      };
      insts.push(inst);
      out.push(inst);
      return inst;
    };
    if (c.id === 'lj-dh') for (const [id, name, type, n] of rosterInstitutions) add(id, name, type, n, 0, 0);
    for (let i = 1; i <= 40; i++) {
      let r = rnd();
      const [type, , [lo, hi]] = typeMix.find(([, share]) => (r -= share) < 0) ?? typeMix[0]!;
      let name = '';
      for (let tries = 0; tries < 20 && (!name || names.has(name)); tries++) name = suffix[type](pick(tradeNames), pick(townNames), c.short);
      if (names.has(name)) continue;
      names.add(name);
      const practitioners = between(lo, hi);
      const share = 0.2 + rnd() * 0.5;
      const members = Math.min(practitioners, Math.round(practitioners * share * (rnd() < 0.15 ? 0 : 1)));
      const probationary = members > 3 && rnd() < 0.3 ? 1 : 0;
      add(`${c.id}-i${String(i).padStart(2, '0')}`, name, type, practitioners, members - probationary, probationary);
    }
    let joint = 0;
    for (const inst of insts) {
      if (inst.id.startsWith('lj-dh-') && !/-i\d+$/.test(inst.id)) continue;
      const full = inst.enteredFull ?? 0;
      const roll = rnd();
      if (full >= 3 && roll < 0.85) {
        const id = `${inst.id}-b1`;
        out.push({ id, name: `${inst.name.replace(/^(临江|青山)/, '')}党支部`, kind: 'party_org', partyOrgType: 'branch', parentId: inst.id,
          path: childPath(inst.path, id), institutionIds: [inst.id], memberCount: 0, ...base });
        inst.ownOrgIds = [id];
      } else if (full >= 1 && full < 3 && roll < 0.9) small.push(inst);
      else if (full === 0 && roll < 0.85) inst.liaison = { name: `${pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄'])}${pick(['建', '丽', '志', '海', '红', '文', '国'])}${pick(['平', '华', '军', '英', '明', '芳', '强'])}`, role: rnd() < 0.5 ? 'liaison' : 'instructor', since: '2026-01-15' };
    }
    // Small institutions share joint branches of two to four, under the county bureau.
    for (let i = 0; i < small.length; ) {
      const group = small.slice(i, i + between(2, 4));
      i += group.length;
      if (group.length < 2) break;
      joint++;
      const id = `${c.id}-jb${joint}`;
      out.push({ id, name: `${c.short}法律服务行业第${'一二三四五六七八九十'[joint - 1] ?? joint}联合党支部`, kind: 'party_org', partyOrgType: 'joint_branch', parentId: c.id,
        path: childPath(countyPath, id), institutionIds: group.map((g) => g.id), memberCount: 0, ...base });
      for (const g of group) g.jointOrgIds = [id];
    }
  }
  // One joint branch that has grown past 50 members: three large firms still meet in it.
  const big = out.filter((o) => o.kind === 'institution' && o.path.startsWith(orgPaths.get('qs')!) && (o.enteredFull ?? 0) >= 16 && !o.ownOrgIds).slice(0, 3);
  if (big.length >= 2) {
    const county = censusCounties.find((c) => big[0]!.parentId === c.id)!;
    const countyPath = big[0]!.path.slice(0, big[0]!.path.length - big[0]!.id.length - 1);
    const id = `${county.id}-jb-big`;
    out.push({ id, name: `${county.short}律师行业联合党支部`, kind: 'party_org', partyOrgType: 'joint_branch', parentId: county.id, path: childPath(countyPath, id),
      institutionIds: big.map((b) => b.id), memberCount: 0, ...base });
    for (const b of big) b.jointOrgIds = [id];
  }
  // The legal-aid centre of the roster file has its branch (named in ../shared/data/roster.csv).
  const aid = out.find((o) => o.id === 'lj-dh-fy')!;
  out.push({ id: 'lj-dh-fy-b1', name: '法律援助中心党支部', kind: 'party_org', partyOrgType: 'branch', parentId: aid.id, path: childPath(aid.path, 'lj-dh-fy-b1'), institutionIds: [aid.id], memberCount: 0, ...base });
  aid.ownOrgIds = ['lj-dh-fy-b1'];
  // The cities' trade committees and a functional branch (特设党支部) for forensic appraisers on the move.
  out.push({ id: 'lj-lsdw', name: '临江市律师行业党委', kind: 'party_org', partyOrgType: 'committee', parentId: 'lj', path: childPath(orgPaths.get('lj')!, 'lj-lsdw'), institutionIds: [], memberCount: 0, ...base });
  out.push({ id: 'qs-jdts', name: '青山市司法鉴定行业功能型党支部', kind: 'party_org', partyOrgType: 'special', parentId: 'qs', path: childPath(orgPaths.get('qs')!, 'qs-jdts'), institutionIds: [], memberCount: 0, ...base });
  return out;
}

/** Writes the generated census once (batches of 25); a second seed finds it and leaves later edits alone. */
export async function seedCensus(orgPaths: Map<string, string>, now: Date): Promise<number> {
  const orgs = generateCensus(orgPaths, now.toISOString());
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.org(orgs[orgs.length - 1]!.id) }));
  if (Item) return 0;
  const items = orgs.map((o) => orgItem(o));
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [table()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length) {
      const res = await db().send(new BatchWriteCommand({ RequestItems: request }));
      request = res.UnprocessedItems as typeof request;
    }
  }
  return items.length;
}
