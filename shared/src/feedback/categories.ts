/** The twelve default categories of an open-door campaign (开门纳谏), in the order bureaus list them. */
export const defaultCategories = [
  { key: 'public_service', label: '公共法律服务' },
  { key: 'legal_aid', label: '法律援助' },
  { key: 'lawyer', label: '律师' },
  { key: 'notary', label: '公证' },
  { key: 'appraisal', label: '司法鉴定' },
  { key: 'mediation', label: '人民调解' },
  { key: 'correction', label: '社区矫正' },
  { key: 'admin_review', label: '行政复议' },
  { key: 'law_education', label: '普法宣传' },
  { key: 'staff_conduct', label: '队伍作风' },
  { key: 'hotline', label: '12348热线' },
  { key: 'other', label: '其他' },
] as const;
