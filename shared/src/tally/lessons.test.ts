import { beforeAll, describe, expect, it } from 'vitest';
import { Tally, type TallyInput, type TallyLessons } from './grouping';
import { lessonFromMerge, lessonsFromMove, mainWords, tallyLessons } from './lessons';
import { loadJieba } from './jieba';
import { segmenterName } from './segment';

let seq = 0;
const s = (content: string, category = 'public_service'): TallyInput => ({
  id: `l${++seq}`, content, category, channel: 'miniapp', submittedAt: '2026-03-01T08:00:00.000Z',
});

beforeAll(async () => {
  await loadJieba();
});

describe('word segmentation', () => {
  it('uses jieba where its native binary is installed', () => {
    expect(segmenterName()).toBe('jieba');
  });
});

describe('what the tally learns from admins', () => {
  it('a merge teaches the two items’ distinctive words as one synonym', () => {
    const t = new Tally();
    const a = t.add(s('调解室的饮水机坏了好久没人修')).itemId;
    const b = t.add(s('调解室的暖壶里从来没有热水')).itemId;
    const lesson = lessonFromMerge(t.item(a)!, t.item(b)!);
    expect(lesson?.kind).toBe('synonym');
    expect(lesson?.terms).toEqual(expect.arrayContaining(['饮水机']));
    expect(lesson?.terms.some((w) => ['暖壶', '热水'].includes(w))).toBe(true);
  });

  it('no lesson from a merge of two items worded alike (nothing tells them apart)', () => {
    const t = new Tally();
    const a = t.add(s('饮水机坏了')).itemId;
    const item = t.item(a)!;
    expect(lessonFromMerge(item, structuredClone(item))).toBeUndefined();
  });

  it('a learned synonym makes later suggestions worded either way land in one item', () => {
    const rows = ['阅览室的台灯总是不亮', '阅览室的灯泡总是不亮'];
    const before = new Tally();
    const apart = rows.map((r) => before.add(s(r)).itemId);
    const lessons: TallyLessons = tallyLessons([{ id: 'x1', kind: 'synonym', terms: ['台灯', '灯泡', '照明'] }]);
    const after = new Tally(undefined, undefined, lessons);
    const together = [...rows, '阅览室照明总是不亮'].map((r) => after.add(s(r)).itemId);
    expect(new Set(together).size).toBe(1);
    // Without the lesson the third wording is not recognised as the same problem by its word.
    expect(apart.length).toBe(2);
  });

  it('a move teaches “apart” from the item left and a synonym with the target', () => {
    const t = new Tally();
    const from = t.add(s('大厅的空调太冷了')).itemId;
    const to = t.add(s('大厅冬天暖气不热')).itemId;
    const lessons = lessonsFromMove('大厅冷风直吹，坐着发抖', t.item(from)!, t.item(to)!);
    expect(lessons.map((l) => l.kind).sort()).toEqual(['apart', 'synonym']);
    const apart = lessons.find((l) => l.kind === 'apart')!;
    expect(apart.apartFrom).toEqual(expect.arrayContaining(['空调']));
  });

  it('a suggestion worded like one an admin moved out never joins that item again', () => {
    const base = [s('大厅空调温度太低很冷'), s('大厅空调太冷开得太低')];
    const probe = s('大厅空调下面的椅子坏了');
    const plain = new Tally();
    const ids = base.map((x) => plain.add(x).itemId);
    expect(plain.add(probe).itemId).toBe(ids[0]);
    const taught = new Tally(undefined, undefined, tallyLessons([{ id: 'a1', kind: 'apart', terms: ['椅子'], apartFrom: ['温度', '太冷'] }]));
    const ids2 = base.map((x) => taught.add(x).itemId);
    expect(taught.add({ ...probe, id: 'p2' }).itemId).not.toBe(ids2[0]);
  });

  it('main words are words, never classes', () => {
    const t = new Tally();
    const id = t.add(s('窗口排队排了两个小时')).itemId;
    for (const w of mainWords(t.item(id)!)) expect(w).not.toMatch(/^[#@~]/u);
  });
});

describe('consolidation', () => {
  it('joins small items of one service that later suggestions show to be one problem, and never a locked or protected one', () => {
    const t = new Tally();
    const a = t.add(s('公证处的预约小程序一直转圈')).itemId;
    const b = t.add(s('公证处预约页面请求超时')).itemId;
    t.add(s('公证处预约页面一直转圈然后提示请求超时'));
    const merges = t.consolidate();
    const live = (id: string) => {
      let item = t.item(id)!;
      while (item.mergedInto) item = t.item(item.mergedInto)!;
      return item.id;
    };
    expect(live(a)).toBe(live(b));
    expect(merges.every((m) => m.from !== m.into)).toBe(true);

    const locked = new Tally();
    const x = locked.add(s('公证处的预约小程序一直转圈')).itemId;
    locked.item(x)!.locked = true;
    locked.add(s('公证处预约页面请求超时'));
    locked.protect(x);
    expect(locked.consolidate().some((m) => m.from === x || m.into === x)).toBe(false);
  });

  it('never joins items of two different services', () => {
    const t = new Tally();
    t.add(s('公证处预约系统一直转圈', 'notary'));
    t.add(s('司法鉴定预约系统一直转圈', 'appraisal'));
    expect(t.consolidate()).toEqual([]);
    expect(t.allItems().filter((i) => !i.mergedInto)).toHaveLength(2);
  });
});
