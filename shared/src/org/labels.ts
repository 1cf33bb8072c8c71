import type { InstitutionType, PartyOrgType } from './tree';

export const institutionTypeLabels: Record<InstitutionType, string> = {
  law_firm: '律师事务所',
  notary: '公证机构',
  forensic: '司法鉴定机构',
  mediation: '人民调解委员会',
  legal_aid: '法律援助中心',
  grassroots_legal_service: '基层法律服务所',
  other: '其他',
};

export const partyOrgTypeLabels: Record<PartyOrgType, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  special: '特设（功能型）党支部',
};

export const memberStatuses = ['full', 'probationary', 'activist', 'none'] as const;
export type MemberStatus = (typeof memberStatuses)[number];
export const memberStatusLabels: Record<MemberStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
  activist: '入党积极分子',
  none: '群众',
};

export const coverageClasses = ['own', 'joint', 'liaison', 'uncovered'] as const;
export type CoverageClass = (typeof coverageClasses)[number];
export const coverageClassLabels: Record<CoverageClass, string> = {
  own: '单独组建',
  joint: '联合组建',
  liaison: '选派党建指导员/联络员',
  uncovered: '未覆盖',
};

export const gapKinds = ['own_missing', 'uncovered', 'liaison_missing', 'joint_oversize'] as const;
export type GapKind = (typeof gapKinds)[number];
export const gapKindLabels: Record<GapKind, string> = {
  own_missing: '应单独组建未组建',
  uncovered: '党的组织未覆盖',
  liaison_missing: '无党员机构未选派指导员/联络员',
  joint_oversize: '联合党支部党员超过 50 人',
};
