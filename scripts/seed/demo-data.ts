import type { BureauLevel, InstitutionType, OrgKind, PartyOrgType, Role } from '@kaimen/shared';

/**
 * Demo data for `npm run seed`: a fictional province (江南省) with two cities, their counties,
 * institutions of the legal-service trades with Party branches, and their members. All invented.
 * The census around them (a few hundred more institutions) is generated in `orgs.ts`.
 */
export interface DemoOrg {
  id: string;
  name: string;
  kind: OrgKind;
  bureauLevel?: BureauLevel;
  institutionType?: InstitutionType;
  partyOrgType?: PartyOrgType;
  practitioners?: number;
  children?: DemoOrg[];
  /** Members of a branch: [name, roles, openid?]. */
  members?: [string, Role[], string?][];
}

const branch = (id: string, name: string, members: DemoOrg['members']): DemoOrg => ({ id, name, kind: 'party_org', partyOrgType: 'branch', members });
const bureau = (level: BureauLevel) => ({ kind: 'bureau' as const, bureauLevel: level });
const inst = (institutionType: InstitutionType, practitioners: number) => ({ kind: 'institution' as const, institutionType, practitioners });

export const demoTree: DemoOrg = {
  id: 'jn', name: '江南省司法厅', ...bureau('province'),
  members: [['周立新', ['admin'], 'dev-admin']],
  children: [
    {
      id: 'lj', name: '临江市司法局', ...bureau('city'),
      members: [['陈海燕', ['admin'], 'dev-city-admin']],
      children: [
        {
          id: 'lj-dh', name: '临江市东湖区司法局', ...bureau('county'),
          members: [['刘建国', ['admin'], 'dev-county-admin']],
          children: [
            { id: 'lj-dh-gz', name: '临江市东湖公证处', ...inst('notary', 12), children: [
              branch('lj-dh-gz-b1', '东湖公证处党支部', [['王晓明', ['secretary'], 'dev-secretary'], ['李静', ['member'], 'dev-member'], ['张磊', ['member']], ['赵敏', ['member']], ['孙丽华', ['member']]]),
            ] },
            { id: 'lj-dh-ls1', name: '临江明正律师事务所', ...inst('law_firm', 28), children: [
              branch('lj-dh-ls1-b1', '明正律师事务所党支部', [['黄志强', ['secretary']], ['吴芳', ['member']], ['郑浩', ['member']], ['冯雪', ['member']]]),
            ] },
            { id: 'lj-dh-jd1', name: '临江衡信司法鉴定所', ...inst('forensic', 9), children: [
              branch('lj-dh-jd1-b1', '衡信司法鉴定所党支部', [['何伟', ['secretary']], ['许娜', ['member']], ['邓军', ['member']]]),
            ] },
            { id: 'lj-dh-gf', name: '东湖区公共法律服务中心', ...inst('other', 15), children: [
              branch('lj-dh-gf-b1', '东湖区公共法律服务中心党支部', [['马丽', ['secretary']], ['韩冬', ['member']], ['曹阳', ['member']]]),
            ] },
          ],
        },
        {
          id: 'lj-xl', name: '临江市西岭区司法局', ...bureau('county'),
          children: [
            { id: 'lj-xl-ls1', name: '临江市正衡律师事务所', ...inst('law_firm', 22), children: [
              branch('lj-xl-ls1-b1', '正衡律师事务所党支部', [['唐亮', ['secretary']], ['宋佳', ['member']], ['袁博', ['member']]]),
            ] },
            { id: 'lj-xl-jc', name: '西岭区城关基层法律服务所', ...inst('grassroots_legal_service', 6), children: [
              branch('lj-xl-jc-b1', '城关基层法律服务所联合党支部', [['彭辉', ['secretary']], ['蒋燕', ['member']], ['谢涛', ['member']]]),
            ] },
            { id: 'lj-xl-tj', name: '西岭区人民调解委员会', ...inst('mediation', 8), children: [
              branch('lj-xl-tj-b1', '西岭区调解委员会党支部', [['罗平', ['secretary']], ['沈红', ['member']], ['卢刚', ['member']]]),
            ] },
          ],
        },
      ],
    },
    {
      id: 'qs', name: '青山市司法局', ...bureau('city'),
      members: [['潘文静', ['admin'], 'dev-qs-admin']],
      children: [
        {
          id: 'qs-ng', name: '青山市南岗县司法局', ...bureau('county'),
          children: [
            { id: 'qs-ng-gz', name: '南岗县公证处', ...inst('notary', 10), children: [
              branch('qs-ng-gz-b1', '南岗县公证处党支部', [['戴明', ['secretary']], ['夏雨', ['member']], ['钟楠', ['member']]]),
            ] },
            { id: 'qs-ng-ls1', name: '青山致远律师事务所', ...inst('law_firm', 31), children: [
              branch('qs-ng-ls1-b1', '致远律师事务所党支部', [['汪洋', ['secretary']], ['田甜', ['member']], ['方正', ['member']], ['石磊', ['member']]]),
            ] },
            { id: 'qs-ng-jd1', name: '青山公信司法鉴定中心', ...inst('forensic', 11), children: [
              branch('qs-ng-jd1-b1', '公信司法鉴定中心党支部', [['姚远', ['secretary']], ['谭静', ['member']], ['廖凯', ['member']]]),
            ] },
          ],
        },
        {
          id: 'qs-bt', name: '青山市北塘县司法局', ...bureau('county'),
          children: [
            { id: 'qs-bt-gf', name: '北塘县公共法律服务中心', ...inst('other', 14), children: [
              branch('qs-bt-gf-b1', '北塘县公共法律服务中心党支部', [['邹杰', ['secretary']], ['熊英', ['member']], ['金鑫', ['member']]]),
            ] },
            { id: 'qs-bt-ls1', name: '北塘明德律师事务所', ...inst('law_firm', 7), children: [
              branch('qs-bt-ls1-b1', '明德律师事务所党支部', [['陆川', ['secretary']], ['郝帅', ['member']], ['孔蕾', ['member']]]),
            ] },
          ],
        },
      ],
    },
  ],
};

export const demoCampaign = {
  id: 'demo-lj-2026',
  orgId: 'lj',
  title: '临江市司法局“开门纳谏”征求意见活动',
  description:
    '为进一步提升公共法律服务质量，临江市司法局面向社会公开征求意见建议。' +
    '我们已主动公开整治以下问题：公证办理排队时间长、法律援助申请材料多、12348热线接通率不高。' +
    '您对律师、公证、司法鉴定、人民调解等各项服务有任何意见，都可以在这里提出，我们将逐条梳理、限期整改并向社会公布。',
  reportChannel: '监督举报电话：0571-12348（工作日 9:00–17:00）；邮箱：jubao@lj-sfj.example.cn',
  daysOpenBefore: 20,
  daysOpenAfter: 70,
};
