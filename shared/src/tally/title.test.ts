import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tally, type TallyInput } from './grouping';
import { hasPersonalData, keyClause } from './clause';

import { itemTitle } from './title';

/** Problem clauses people write (our own wording), with and without a problem the lexicon names. */
const clauses = [
  '公证处中午不办公', '上班族只能请假来办事', '预约页面一直转圈打不开', '提交的时候老是提示超时', '调解员一直偏向对方',
  '鉴定报告拖了两个月还没出来', '小区门口的普法宣传栏好几年没换了', '援助律师不怎么跟我联系', '热线打了好多遍没人接',
  '复议申请交上去以后没有任何消息', '社区矫正每周都要去报到太频繁', '窗口的自助机经常坏', '办事指南写得看不懂', '停车位太少了',
];
const fillers = ['你好', '我想反映个问题', '谢谢', '希望领导重视', '说实话', '麻烦尽快处理'];
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭'];
const given = [...'建国秀英志强丽娟明华小红伟军海燕德胜桂兰'];
const honorifics = ['先生', '女士', '律师', '主任', '老师', '阿姨', '师傅', '调解员'];

const name = fc.tuple(fc.constantFrom(...surnames), fc.array(fc.constantFrom(...given), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join(''));
const mobile = fc.tuple(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b);
const idCard = fc.tuple(fc.stringMatching(/^[1-6]\d{5}$/), fc.integer({ min: 1950, max: 2005 }), fc.stringMatching(/^(0[1-9]|1[0-2])[0-2][1-9]\d{3}[\dX]$/)).map(([a, b, c]) => `${a}${b}${c}`);
/** One piece of personal data as people write it into a suggestion, and the strings that must never reach a title. */
const personal = fc.oneof(
  fc.tuple(name, fc.constantFrom(...honorifics)).map(([n, h]) => ({ text: `${n}${h}`, secrets: [n, n.slice(0, 2)] })),
  name.map((n) => ({ text: `我叫${n}`, secrets: [n, n.slice(0, 2)] })),
  name.map((n) => ({ text: `联系人：${n}`, secrets: [n, n.slice(0, 2)] })),
  fc.tuple(fc.constantFrom(...surnames), fc.constantFrom(...honorifics)).map(([s, h]) => ({ text: `找了${s}${h}`, secrets: [`${s}${h}`] })),
  mobile.map((m) => ({ text: `电话${m}`, secrets: [m, m.slice(0, 7), m.slice(3)] })),
  mobile.map((m) => ({ text: `有事打${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, secrets: [m.slice(3, 7), m.slice(7)] })),
  idCard.map((id) => ({ text: `身份证号${id}`, secrets: [id.slice(0, 6), id.slice(6, 14)] })),
  fc.stringMatching(/^[a-z]{3,8}\d{2,4}$/).map((u) => ({ text: `邮箱${u}@qq.com`, secrets: [u, '@'] })),
  fc.tuple(fc.constantFrom('幸福', '阳光', '金色'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 101, max: 2808 })).map(([x, b, r]) => ({
    text: `我住${x}小区${b}栋${r}室`, secrets: [`${x}小区`, String(r)],
  })),
);
const pieces = fc.array(fc.oneof(fc.constantFrom(...clauses).map((text) => ({ text, secrets: [] as string[] })), fc.constantFrom(...fillers).map((text) => ({ text, secrets: [] as string[] })), personal), { minLength: 1, maxLength: 6 });
const punct = fc.constantFrom('，', '。', '！', ' ', ',', '；', '');

const at = (i: number) => new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();

describe('titles a bureau can publish', () => {
  it('never carry names, phone or ID numbers, e-mails or addresses, nor lists of fragments, whatever the suggestions contain', () => {
    fc.assert(fc.property(fc.array(fc.tuple(pieces, fc.array(punct, { minLength: 6, maxLength: 6 })), { minLength: 1, maxLength: 5 }), (letters) => {
      const tally = new Tally();
      const secrets: string[] = [];
      letters.forEach(([parts, marks], i) => {
        const content = parts.map((p, k) => p.text + (marks[k] ?? '')).join('');
        secrets.push(...parts.flatMap((p) => p.secrets));
        tally.add({ id: String(i), content, category: 'other', channel: 'miniapp', submittedAt: at(i) } satisfies TallyInput);
      });
      for (const item of tally.allItems()) {
        const title = itemTitle(item);
        expect(title.length).toBeGreaterThan(0);
        expect([...title].length).toBeLessThanOrEqual(28);
        // The hotline's number is the service's name, not a secret (a generated room number may be 234).
        for (const s of secrets) expect(title.replace('12348', '')).not.toContain(s);
        // Not "某服务：我上、上次、次来": no enumeration of fragments.
        expect(title).not.toMatch(/、\p{Script=Han}{1,3}、/u);
        expect(title.replace('12348', '')).not.toMatch(/\d/);
      }
    }), { numRuns: 300 });
  });

  it('recognise personal data in a clause', () => {
    for (const t of ['我叫张建国', '王律师说的', '电话13912345678', '身份证110101199001011234', 'abc123@qq.com', '找了小李', '我住幸福小区3栋']) expect(hasPersonalData(t)).toBe(true);
    for (const t of ['12348热线打不通', '公证处中午不办公', '预约页面一直转圈']) expect(hasPersonalData(t)).toBe(false);
  });

  it('take the key clause of a suggestion, in its own words', () => {
    expect(keyClause('你好！公证处中午不办公，上班族办事难。谢谢')?.text).toBe('公证处中午不办公，上班族办事难');
    expect(keyClause('我是张建国，电话13912345678，预约页面一直转圈打不开')?.text).toBe('预约页面一直转圈打不开');
    expect(keyClause('王律师你好，我叫李秀英')).toBeUndefined();
  });

  it('name the service and the problem when the lexicon knows the problem', () => {
    const tally = new Tally();
    const { itemId } = tally.add({ id: '1', content: '公证费太贵了，收费标准也不公示', category: 'notary', channel: 'window', submittedAt: at(0) });
    expect(itemTitle(tally.item(itemId)!)).toBe('公证收费偏高不透明');
  });
});
