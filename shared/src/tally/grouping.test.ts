import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tally, type TallyInput } from './grouping';
import { itemTitle } from './title';
import { itemKeywords } from './item-words';
import { clusterScores } from './metrics';
import { heldoutSuggestions } from './fixtures/heldout';
import { loadJieba } from './jieba';

beforeAll(async () => {
  await loadJieba();
});

let seq = 0;
const s = (content: string, category = 'other', channel = 'miniapp', submittedAt = '2026-03-01T08:00:00.000Z'): TallyInput => ({
  id: `t${++seq}`, content, category, channel, submittedAt,
});

function tallyAll(inputs: TallyInput[]): { tally: Tally; labels: string[] } {
  const tally = new Tally();
  return { tally, labels: inputs.map((i) => tally.add(i).itemId) };
}

describe('tally grouping', () => {
  it('puts paraphrases, typos and missing punctuation of one problem in one item', () => {
    const { labels } = tallyAll([
      s('公证处周末能不能开门，上班族实在没时间', 'notary'),
      s('公正处周六周日都不开门我们上班的怎么办', 'notary'),
      s('建议公证处延长办公时间，下班后也能办', 'notary'),
    ]);
    expect(new Set(labels).size).toBe(1);
  });

  it('keeps two problems of the same service apart (notary hours vs notary fees)', () => {
    const { labels, tally } = tallyAll([
      s('公证处周末不开门，上班族没法办', 'notary'),
      s('公证费太贵了，收费标准也不公示', 'notary'),
      s('周末公证处也不上班，太不方便', 'notary'),
      s('办个继承公证收了好几千，太贵', 'notary'),
    ]);
    expect(labels[0]).toBe(labels[2]);
    expect(labels[1]).toBe(labels[3]);
    expect(labels[0]).not.toBe(labels[1]);
    const titles = tally.allItems().map(itemTitle).sort();
    expect(titles).toEqual(['公证办公时间不便民', '公证收费偏高不透明']);
  });

  it('keeps the same problem of two services apart (notary fees vs appraisal fees)', () => {
    const { labels } = tallyAll([s('公证收费太高', 'notary'), s('司法鉴定收费太高', 'appraisal')]);
    expect(labels[0]).not.toBe(labels[1]);
  });

  it('never puts a phone number in a title or a keyword', () => {
    const { tally } = tallyAll([
      s('我的电话13800138000，法援那边一直没人联系我', 'legal_aid'),
      s('联系13912345678 关于小区门口垃圾站的事情想反映一下', 'other'),
    ]);
    for (const item of tally.allItems()) {
      expect(itemTitle(item)).not.toMatch(/\d{5,}/);
      for (const k of itemKeywords(item)) expect(k).not.toMatch(/\d{5,}/);
    }
  });

  it('keeps counts by channel, the majority category, and first/last seen', () => {
    const { tally } = tallyAll([
      s('12348一直占线', 'hotline', 'miniapp', '2026-03-02T00:00:00.000Z'),
      s('热线打不通', 'hotline', 'window', '2026-03-01T00:00:00.000Z'),
      s('12348电话一直占线打不通', 'public_service', 'window', '2026-03-05T00:00:00.000Z'),
    ]);
    const [item] = tally.allItems();
    expect(tally.allItems()).toHaveLength(1);
    expect(item).toMatchObject({ count: 3, channels: { miniapp: 1, window: 2 }, firstSeen: '2026-03-01T00:00:00.000Z', lastSeen: '2026-03-05T00:00:00.000Z' });
    expect(item?.categories.hotline).toBe(2);
  });

  it('sends nothing to a locked item, and follows merges', () => {
    const tally = new Tally();
    const a = tally.add(s('公证费太贵', 'notary')).itemId;
    tally.load({ ...tally.item(a)!, locked: true });
    const b = tally.add(s('公证收费太高了', 'notary')).itemId;
    expect(b).not.toBe(a);
    tally.load({ ...tally.item(b)!, mergedInto: a, locked: false });
    tally.load({ ...tally.item(a)!, locked: false });
    expect(tally.add(s('公证收费不透明', 'notary')).itemId).toBe(a);
  });

  it('survives a save and load of its state', () => {
    const first = tallyAll(heldoutSuggestions.slice(0, 30).map((h) => s(h.content, h.category, h.channel)));
    const restored = new Tally(JSON.parse(JSON.stringify(first.tally.state())));
    const next = heldoutSuggestions.slice(30).map((h) => s(h.content, h.category, h.channel));
    const a = next.map((x) => first.tally.add(x).itemId);
    const b = next.map((x) => restored.add(x).itemId);
    expect(b).toEqual(a);
  });

  it('reaches B-cubed F1 ≥ 0.8 on the hand-written held-out set (incremental, then consolidation, as a run does)', () => {
    const { labels, tally } = tallyAll(heldoutSuggestions.map((h) => s(h.content, h.category, h.channel)));
    const into = new Map(tally.consolidate().map((m) => [m.from, m.into]));
    const live = (id: string): string => (into.has(id) ? live(into.get(id) as string) : id);
    const scores = clusterScores(labels.map(live), heldoutSuggestions.map((h) => h.group));
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.f1).toBeGreaterThanOrEqual(0.8);
  });

  it('is robust to arrival order (any order of the held-out set keeps B-cubed F1 ≥ 0.85 after consolidation) and counts each suggestion once', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(heldoutSuggestions, { minLength: heldoutSuggestions.length }), (order) => {
        const { labels, tally } = tallyAll(order.map((h) => s(h.content, h.category, h.channel)));
        expect(tally.allItems().reduce((sum, i) => sum + i.count, 0)).toBe(order.length);
        const into = new Map(tally.consolidate().map((m) => [m.from, m.into]));
        const live = (id: string): string => (into.has(id) ? live(into.get(id) as string) : id);
        expect(tally.allItems().filter((i) => !i.mergedInto).reduce((sum, i) => sum + i.count, 0)).toBe(order.length);
        expect(clusterScores(labels.map(live), order.map((h) => h.group)).f1).toBeGreaterThanOrEqual(0.85);
      }),
      { numRuns: 40 },
    );
  });
});

describe('cluster scores', () => {
  it('is 1 for a perfect clustering and penalises lumping everything together', () => {
    expect(clusterScores(['a', 'a', 'b'], ['x', 'x', 'y'])).toMatchObject({ precision: 1, recall: 1, f1: 1, pairwiseF1: 1 });
    const lumped = clusterScores(['a', 'a', 'a', 'a'], ['x', 'x', 'y', 'y']);
    expect(lumped.recall).toBe(1);
    expect(lumped.precision).toBe(0.5);
  });
});
