import { workbookOf } from '../lib/workbook';

/** The roster form with its Chinese headers and one example row (obviously fictional). */
export function rosterTemplate(): Promise<Buffer> {
  return workbookOf([{
    name: '人员名册',
    columns: [
      { header: '姓名', key: 'name', width: 10 }, { header: '性别', key: 'gender', width: 6 }, { header: '出生年月', key: 'birth', width: 10 },
      { header: '手机号', key: 'phone', width: 14 }, { header: '所在单位', key: 'inst', width: 28 }, { header: '党组织', key: 'po', width: 28 },
      { header: '身份', key: 'status', width: 14 }, { header: '职务', key: 'position', width: 12 },
    ],
    rows: [{ name: '张三', gender: '男', birth: '1986-03', phone: '13800000000', inst: '（机构全称，与组织树一致）', po: '（可空）', status: '正式党员', position: '律师' }],
  }], '人员名册');
}
