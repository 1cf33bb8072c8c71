import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemMainService, Tally, tuning, type TallyInput } from './grouping';
import { analyse } from './analyse';
import { mainWords } from './lessons';
import { heldoutSuggestions } from './fixtures/heldout';
import { heldoutB } from './fixtures/heldout-b';
import { loadJieba } from './jieba';

beforeAll(async () => {
  await loadJieba();
});

let seq = 0;
const s = (content: string, category = 'other'): TallyInput => ({ id: `c${++seq}`, content, category, channel: 'miniapp', submittedAt: '2026-03-01T08:00:00.000Z' });

/** The live item each id stands for after merges. */
function live(t: Tally, id: string): string {
  let item = t.item(id);
  while (item?.mergedInto) item = t.item(item.mergedInto);
  return item?.id ?? id;
}

describe('character features', () => {
  it('give paraphrases that share a character but no word something in common, and stay out of words and titles', () => {
    const a = analyse('公证书的英文翻译有错', 'notary');
    const b = analyse('附的译文好几处错误', 'notary');
    expect(a.grams.has('`译')).toBe(true);
    expect(b.grams.has('`译')).toBe(true);
    // Function characters are no evidence.
    expect(a.grams.has('`的')).toBe(false);
    const t = new Tally();
    const id = t.add(s('公证书的英文翻译有错', 'notary')).itemId;
    for (const w of mainWords(t.item(id)!)) expect(w).not.toMatch(/^[`#@~^]/u);
  });
});

describe('average-linkage consolidation', () => {
  it('joins items whose suggestions say one thing in different words, and keeps another problem of the service apart', () => {
    const t = new Tally();
    // A campaign around them, so that words and characters weigh by their rarity as in a real run.
    for (const h of heldoutSuggestions) t.add(s(h.content, h.category));
    // Every new suggestion starts an item of its own: what is joined here, the consolidation joined.
    const join = tuning.join;
    tuning.join = 2;
    let ids: string[];
    try {
      ids = [
        '社区矫正的定位手环充电太麻烦 一天要充两次',
        '矫正定位手环电池不耐用 老是没电',
        '定位手环总是没电关机 被当成脱管',
        '社区矫正报到的地方太远 坐车要两个小时',
      ].map((c) => t.add(s(c, 'correction')).itemId);
    } finally {
      tuning.join = join;
    }
    expect(new Set(ids).size).toBe(4);
    t.consolidate();
    const [a, b, c, far] = ids.map((id) => live(t, id));
    expect(new Set([a, b, c]).size).toBe(1);
    expect(far).not.toBe(a);
  });

  it('is reproducible: the same suggestions in the same order give the same merges', () => {
    const run = () => {
      const t = new Tally();
      for (const h of heldoutSuggestions) t.add(s(h.content, h.category));
      return t.consolidate();
    };
    expect(run()).toEqual(run());
  });

  it('never joins two services, never touches a locked or protected item, counts each suggestion once, and merges each item at most once', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(heldoutB, { minLength: 40, maxLength: 120 }), fc.integer({ min: 0, max: 1000 }), (rows, pick) => {
        const t = new Tally();
        const ids = rows.map((r) => t.add(s(r.content, r.category)).itemId);
        const items = t.allItems();
        const locked = items[pick % items.length]!;
        const guarded = items[(pick * 7 + 3) % items.length]!;
        locked.locked = true;
        t.protect(guarded.id);
        const before = new Map(t.allItems().map((i) => [i.id, itemMainService(i)]));
        const merges = t.consolidate();
        const froms = merges.map((m) => m.from);
        expect(new Set(froms).size).toBe(froms.length);
        for (const m of merges) {
          expect([m.from, m.into]).not.toContain(locked.id);
          expect([m.from, m.into]).not.toContain(guarded.id);
          const [x, y] = [before.get(m.from), before.get(m.into)];
          expect(x === y || x === 'general' || y === 'general').toBe(true);
        }
        const liveItems = t.allItems().filter((i) => !i.mergedInto);
        expect(liveItems.reduce((n, i) => n + i.count, 0)).toBe(rows.length);
        for (const id of ids) expect(t.item(live(t, id))?.mergedInto).toBeUndefined();
      }),
      { numRuns: 15 },
    );
  });
});
