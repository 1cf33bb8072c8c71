/** The twelve default categories of an open-door campaign (开门纳谏), in the order bureaus list them. */
export const defaultCategories = [
  { key: 'public_legal_service', label: '公共法律服务' },
  { key: 'legal_aid', label: '法律援助' },
  { key: 'lawyer', label: '律师' },
  { key: 'notary', label: '公证' },
  { key: 'judicial_appraisal', label: '司法鉴定' },
  { key: 'mediation', label: '人民调解' },
  { key: 'community_correction', label: '社区矫正' },
  { key: 'administrative_review', label: '行政复议' },
  { key: 'legal_publicity', label: '普法宣传' },
  { key: 'conduct', label: '队伍作风' },
  { key: 'hotline_12348', label: '12348热线' },
  { key: 'other', label: '其他' },
] as const;
