import type { TallyInput } from '../../shared/src/tally/grouping';

/**
 * Generated campaigns for the tally benchmarks, from our own templates (services × problems ×
 * phrasings × noise), deterministic for a seed.
 */
const services = [
  { name: '公证处', cat: 'notary' }, { name: '法律援助中心', cat: 'legal_aid' }, { name: '12348热线', cat: 'hotline' },
  { name: '司法鉴定所', cat: 'appraisal' }, { name: '律师事务所', cat: 'lawyer' }, { name: '调解委员会', cat: 'mediation' },
  { name: '社区矫正中心', cat: 'correction' }, { name: '行政复议窗口', cat: 'admin_review' }, { name: '普法宣传站', cat: 'law_education' },
  { name: '公共法律服务中心', cat: 'public_service' },
];
const problems = [
  ['收费太贵了', '收费标准不透明', '费用能不能降一点'], ['周末不开门', '下班太早上班族没法办', '中午午休不办公'],
  ['排队等了两个小时', '人太多叫号太慢', '只开一个窗口排长队'], ['工作人员态度很差', '问两句就不耐烦', '说话很冲爱答不理'],
  ['电话一直占线', '打了好几次都没人接', '根本打不通'], ['材料太多来回跑', '手续繁琐要开一堆证明', '每次都说缺材料'],
  ['办理太慢拖了几个月', '一直没结果也没进度', '周期太长等不起'], ['停车太难没地方停', '门口没有车位', '停车被贴罚单'],
  ['预约系统老是崩溃', '网上预约提交失败', '小程序闪退约不上'], ['没有英语服务', '外国人来了没人会翻译', '缺少外语资料'],
];
const openers = ['', '建议', '希望', '反映一下', '说个事', '尊敬的领导：', '来电人反映'];
const closers = ['', '。', '！！', '，希望改进', '，请领导重视', '?', '，太不方便了'];
const noise = ['', '我上周去办事', '为了孩子的事', '真的很无语', '第三次了', '老家的房子继承'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generate(n: number, seed = 1, startMs = Date.UTC(2026, 0, 1)): TallyInput[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)] as T;
  const out: TallyInput[] = [];
  for (let i = 0; i < n; i++) {
    const svc = pick(services);
    let text = pick(openers) + pick(noise) + svc.name + pick(pick(problems)) + pick(closers);
    if (r() < 0.1) text = text.replace(/[，。！？]/g, ''); // missing punctuation
    if (r() < 0.05) text = text.replace('公证', '公正'); // typo
    if (r() < 0.03) text += ` 电话1380013${String(i % 10000).padStart(4, '0')}`;
    if (r() < 0.02) text = `随便说说${i}号意见${Math.floor(r() * 1e6)}`; // noise singleton
    out.push({ id: `s${seed}-${i}`, content: text, category: svc.cat, channel: pick(['miniapp', 'window', 'letter', 'hotline', 'forum']), submittedAt: new Date(startMs + i * 60_000).toISOString() });
  }
  return out;
}
