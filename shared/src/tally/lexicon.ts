/**
 * The tally's domain lexicon: the services of judicial administration (what a suggestion is about)
 * and the problem facets (what is wrong with it), each with synonyms, colloquial variants and common
 * typos. Written from knowledge of the sector (司法行政 / 公共法律服务), not copied from any data set.
 *
 * Terms are matched on normalised text (see normalize.ts: lower case, no punctuation, no spaces).
 */

export interface ServiceDef {
  id: string;
  /** Short label used in titles, e.g. 公证 → “公证收费偏高不透明”. */
  label: string;
  /** The campaign category that usually carries it (a prior when the text names no service). */
  category?: string;
  terms: readonly string[];
}

export interface FacetDef {
  id: string;
  /** The problem as a title fragment. */
  label: string;
  /**
   * How specific the facet is: when a suggestion names several problems, the most specific decides
   * its item (3 = a concrete, narrow problem; 1 = a generic complaint such as “slow” or “bad attitude”).
   */
  tier: 1 | 2 | 3;
  terms: readonly string[];
}

/** In priority order: when a text names several services, the first one listed wins (法律援助律师 → legal aid). */
export const services: readonly ServiceDef[] = [
  { id: 'hotline', label: '12348热线', category: 'hotline', terms: ['12348', '一二三四八', '热线', '法律咨询电话', '咨询电话', '服务热线', '法律服务热线', '客服电话'] },
  {
    id: 'legal_aid', label: '法律援助', category: 'legal_aid',
    terms: ['法律援助', '法援', '援助律师', '法律援助中心', '援助中心', '免费律师', '法律帮助', '申请援助', '援助申请', '法律援助工作站', '法律救助'],
  },
  {
    id: 'notary', label: '公证', category: 'notary',
    terms: ['公证', '公证处', '公证员', '公证书', '公证费', '公正处', '公证所', '办证', '遗嘱公证', '继承公证', '委托公证', '涉外公证', '学历公证', '证明公证'],
  },
  {
    id: 'appraisal', label: '司法鉴定', category: 'appraisal',
    terms: ['司法鉴定', '鉴定', '鉴定所', '鉴定机构', '鉴定中心', '鉴定人', '鉴定费', '伤残鉴定', '亲子鉴定', '精神鉴定', '伤情鉴定', '笔迹鉴定', '鉴定报告', '鉴定意见', '鉴定书', '坚定机构', '签定'],
  },
  {
    id: 'correction', label: '社区矫正', category: 'correction',
    terms: ['社区矫正', '矫正', '社矫', '矫正对象', '矫正人员', '社区服刑', '缓刑', '假释', '电子腕带', '电子手环', '定位手机'],
  },
  { id: 'admin_review', label: '行政复议', category: 'admin_review', terms: ['行政复议', '复议', '复议申请', '复议决定', '复议机关', '复议委员会', '行政争议'] },
  {
    id: 'mediation', label: '人民调解', category: 'mediation',
    terms: ['人民调解', '调解', '调解员', '调解委员会', '调委会', '调解室', '调解协议', '和事佬', '劝和', '矛盾纠纷', '邻里纠纷', '家庭纠纷'],
  },
  {
    id: 'legal_advisor', label: '村居法律顾问', category: 'public_service',
    terms: ['法律顾问', '村居法律顾问', '村法律顾问', '社区法律顾问', '驻村律师', '社区律师', '村里的律师', '法律明白人'],
  },
  {
    id: 'law_education', label: '普法宣传', category: 'law_education',
    terms: ['普法', '法治宣传', '法制宣传', '普法宣传', '普法活动', '普法视频', '普法讲座', '法治讲座', '法律讲座', '送法', '法律进社区', '法治文化', '宣传资料', '宣传册', '普法公众号', '以案释法', '法治教育', '普法短视频'],
  },
  {
    id: 'lawyer', label: '律师', category: 'lawyer',
    terms: ['律师', '律所', '律师事务所', '执业律师', '律师费', '代理费', '黑律师', '法律服务所', '法律工作者'],
  },
  {
    id: 'public_service', label: '公共法律服务窗口', category: 'public_service',
    terms: ['公共法律服务', '公法中心', '法律服务中心', '服务中心', '服务大厅', '办事大厅', '大厅', '窗口', '服务站', '服务点', '法律服务站', '司法所', '法律咨询', '咨询台', '前台', '导办台'],
  },
];

/** Facets in no particular order; `tier` decides between them. */
export const facets: readonly FacetDef[] = [
  {
    id: 'fees', label: '收费偏高不透明', tier: 2,
    terms: ['收费', '收钱', '费用', '太贵', '贵了', '好贵', '挺贵', '真贵', '偏贵', '死贵', '贵得', '价格', '价钱', '多少钱', '花了', '收了', '几千', '上千', '好几百', '乱收费', '多收', '收费标准', '收费明细', '明细', '发票', '退费', '费太高', '费用高', '减免', '免费', '优惠', '便宜'],
  },
  {
    id: 'hours', label: '办公时间不便民', tier: 2,
    terms: ['下班', '上班时间', '上班族', '工作时间', '办公时间', '开放时间', '营业时间', '周末', '周六', '周日', '星期六', '星期天', '双休', '节假日', '假期', '午休', '中午', '早关门', '关门', '没开门', '不开门', '晚上', '延时', '延长', '错时', '请假才能', '请假来办', '请假去', '朝九晚五', '五点', '下午四点', '八小时'],
  },
  {
    id: 'queue', label: '排队等候时间长', tier: 2,
    terms: ['排队', '排了', '排长队', '等了', '等候', '等半天', '等一上午', '等一下午', '等好久', '等很久', '等太久', '叫号', '取号', '拿号', '号不够', '人太多', '人很多', '人多', '窗口少', '只开一个', '就开一个', '开一个窗口', '只有一个窗口', '排号'],
  },
  {
    id: 'attitude', label: '服务态度差', tier: 1,
    terms: ['态度', '不耐烦', '爱答不理', '爱理不理', '不理人', '不搭理', '冷冰冰', '冷漠', '脸色', '甩脸', '凶', '吼', '训人', '训斥', '呵斥', '审犯人', '说话难听', '说话冲', '口气', '语气', '不客气', '客气', '礼貌', '热情', '傲慢', '官腔', '架子', '推诿', '踢皮球', '门难进', '脸难看', '白眼', '玩手机', '聊天'],
  },
  {
    id: 'phone', label: '电话难打通', tier: 2,
    terms: ['打不通', '打不进', '打不进去', '占线', '没人接', '无人接', '无人接听', '没有人接', '接不通', '忙音', '一直响', '转人工', '人工服务', '排队等待接听', '挂断', '挂了', '回拨', '没接', '电话难打', '打了好几次', '打了几次', '打了半天'],
  },
  {
    id: 'documents', label: '材料手续繁琐', tier: 2,
    terms: ['材料', '证明', '手续', '繁琐', '麻烦', '复印', '复印件', '证件', '表格', '填表', '盖章', '跑了', '来回跑', '跑来跑去', '跑好几趟', '跑了好几趟', '多跑', '跑腿', '跑一趟', '好几趟', '一次性告知', '简化', '精简', '开证明', '户口本', '证明材料', '提交材料'],
  },
  {
    id: 'slow', label: '办理周期长', tier: 1,
    terms: ['太慢', '很慢', '好慢', '慢了', '慢吞吞', '效率低', '效率', '周期', '时限', '拖', '拖了', '拖延', '迟迟', '几个月', '好几个月', '半年', '一个多月', '等不起', '超期', '久拖', '进度慢', '办得慢', '出结果', '出报告', '还没出', '没结果', '加快', '提速', '提高效率'],
  },
  {
    id: 'language', label: '缺少外语翻译服务', tier: 3,
    terms: ['英语', '英文', '外语', '翻译', '外国人', '外国朋友', '外籍', '老外', '双语', '多语种', '日语', '韩语', '俄语', '少数民族语言', '手语'],
  },
  {
    id: 'parking', label: '停车难', tier: 3,
    terms: ['停车', '车位', '停车场', '没地方停', '停不了车', '贴条', '贴罚单', '罚单', '开车来', '车没处停'],
  },
  {
    id: 'online_broken', label: '线上预约办理系统不好用', tier: 3,
    terms: ['预约系统', '线上预约', '网上预约', '预约不上', '约不上', '预约不了', '预约失败', '系统崩', '崩了', '崩溃', '闪退', '卡死', '卡顿', '打不开', '登不上', '登录不了', '登录不上', '提交不了', '提交失败', '验证码', '白屏', '报错', '系统故障', '系统老是', '加载不出', '页面', 'app', '小程序', '网站', '公众号预约'],
  },
  {
    id: 'elderly', label: '老年人办事不便', tier: 3,
    terms: ['老人', '老年人', '老人家', '年纪大', '岁数大', '上了年纪', '爷爷', '奶奶', '我妈', '我爸', '父母', '智能手机', '不会用手机', '不会上网', '不会扫码', '扫码', '老年机', '数字鸿沟', '适老', '线下渠道', '人工窗口', '腿脚不便', '腿脚不好', '七十多', '八十多', '六十多'],
  },
  {
    id: 'credential', label: '执业资质查询不便', tier: 3,
    terms: ['执业证', '执业证书', '资质', '资格证', '查询入口', '真假', '是不是真的', '假律师', '黑律师', '冒充', '执业信息', '执业记录', '诚信档案', '查不到', '核实', '备案'],
  },
  {
    id: 'checkin', label: '报到频次过高', tier: 3,
    terms: ['报到', '报道一次', '频次', '太频繁', '每周', '每个星期', '每月两次', '远程报到', '视频报到', '线上报到', '请假', '扣工资', '耽误工作', '外出审批', '外出请假'],
  },
  {
    id: 'privacy', label: '个人信息保护不到位', tier: 3,
    terms: ['隐私', '个人信息', '泄露', '泄漏', '骚扰电话', '推销电话', '被公开', '当众', '大声念', '信息安全', '身份证号'],
  },
  {
    id: 'quality', label: '服务质量不高、办案不尽责', tier: 1,
    terms: ['不积极', '不负责', '不尽责', '敷衍', '应付', '走过场', '不专业', '水平低', '水平不高', '业务不熟', '一问三不知', '答非所问', '说不清', '讲不清', '不上心', '更换', '换律师', '换一个', '不作为', '见不到人', '联系不上', '找不到人', '不见人'],
  },
  {
    id: 'content', label: '内容形式单一、更新慢', tier: 2,
    terms: ['更新', '内容', '形式', '单一', '枯燥', '没意思', '老一套', '看不懂', '听不懂', '专业术语', '太专业', '通俗', '接地气', '案例', '短视频', '视频', '直播', '讲座', '宣传', '活动太少', '覆盖', '形式主义'],
  },
  {
    id: 'eligibility', label: '受理条件门槛高', tier: 2,
    terms: ['门槛', '条件', '范围', '不符合', '不受理', '不予受理', '不给受理', '经济困难', '困难证明', '低保', '扩大', '放宽', '标准太高', '够不上', '不属于', '审核'],
  },
  {
    id: 'feedback', label: '办理结果无反馈', tier: 1,
    terms: ['没回复', '没有回复', '没答复', '没有答复', '不回复', '没下文', '没有下文', '石沉大海', '没消息', '没有消息', '没反馈', '没有反馈', '没通知', '没有通知', '进度', '查进度', '不告知', '结果告知', '回访'],
  },
  {
    id: 'distance', label: '网点少、距离远', tier: 2,
    terms: ['太远', '很远', '好远', '路远', '跑到城里', '进城', '偏远', '交通不便', '网点少', '点太少', '家门口', '就近', '乡镇', '农村', '村里', '下沉', '上门', '流动'],
  },
  {
    id: 'facilities', label: '场所设施不完善', tier: 3,
    terms: ['无障碍', '轮椅', '电梯', '楼梯', '残疾', '座位', '椅子', '空调', '饮水', '厕所', '卫生间', '环境', '指示牌', '标识', '不好找', '找不到地方', '导引', '指引'],
  },
  {
    id: 'integrity', label: '廉洁问题', tier: 3,
    terms: ['红包', '回扣', '吃拿卡要', '好处费', '私下收', '介绍律师', '推荐律师', '拉业务', '勾结', '收礼', '请吃饭', '关系户', '走后门', '托关系'],
  },
  {
    id: 'fairness', label: '处理不公', tier: 2,
    terms: ['不公平', '不公正', '偏袒', '偏向', '拉偏架', '和稀泥', '各打五十大板', '一边倒', '不中立', '向着'],
  },
];

export const serviceById = new Map(services.map((s) => [s.id, s]));
export const facetById = new Map(facets.map((f) => [f.id, f]));

/** The service a campaign category implies when the text names none. */
export const serviceOfCategory = new Map(
  services.filter((s) => s.category && s.id !== 'legal_advisor').map((s) => [s.category as string, s.id]),
);

/** A suggestion whose text and category name no service is about the bureau in general. */
export const GENERAL_SERVICE = 'general';
