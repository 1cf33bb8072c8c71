import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tally, type TallyInput } from './grouping';
import { heatAt } from './heat';
import { mergeSummaries, singletonSummary, withMember, withoutMember } from './summary';

const texts = ['公证处周末不开门', '12348热线一直占线', '鉴定收费太贵了', '调解员偏向对方', '法律援助材料太多', '普法活动流于形式'];
const input = fc.record({
  id: fc.uuid(),
  content: fc.constantFrom(...texts),
  category: fc.constantFrom('notary', 'hotline', 'other'),
  channel: fc.constantFrom('miniapp', 'window', 'hotline'),
  submittedAt: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString()),
}) as fc.Arbitrary<TallyInput>;

describe('item summaries under admin edits', () => {
  it('moving a suggestion in and out again leaves the counts as they were', () => {
    fc.assert(fc.property(fc.array(input, { minLength: 1, maxLength: 8 }), input, (members, moved) => {
      const [first, ...rest] = members as [TallyInput, ...TallyInput[]];
      const base = rest.reduce((s, m) => withMember(s, m), singletonSummary('i1', first));
      const back = withoutMember(withMember(base, moved), moved);
      expect(back.count).toBe(base.count);
      expect(back.channels).toEqual(base.channels);
      expect(back.categories).toEqual(base.categories);
      expect(back.services).toEqual(base.services);
      expect(heatAt(back, '2026-06-01T00:00:00.000Z')).toBeCloseTo(heatAt(base, '2026-06-01T00:00:00.000Z'), 1);
    }));
  });

  it('a merge adds up counts, channels and heat and widens first/last seen', () => {
    fc.assert(fc.property(fc.array(input, { minLength: 1, maxLength: 6 }), fc.array(input, { minLength: 1, maxLength: 6 }), (xs, ys) => {
      const build = (id: string, list: TallyInput[]) => list.slice(1).reduce((s, m) => withMember(s, m), singletonSummary(id, list[0] as TallyInput));
      const a = build('a', xs);
      const b = build('b', ys);
      const m = mergeSummaries(a, b);
      expect(m.id).toBe('a');
      expect(m.count).toBe(xs.length + ys.length);
      const channels = (list: TallyInput[]) => list.reduce<Record<string, number>>((r, x) => ({ ...r, [x.channel]: (r[x.channel] ?? 0) + 1 }), {});
      expect(m.channels).toEqual(channels([...xs, ...ys]));
      const dates = [...xs, ...ys].map((x) => x.submittedAt).sort();
      expect([m.firstSeen, m.lastSeen]).toEqual([dates[0], dates[dates.length - 1]]);
      const at = '2026-06-01T00:00:00.000Z';
      expect(heatAt(m, at)).toBeCloseTo(heatAt(a, at) + heatAt(b, at), 1);
    }));
  });

  it('the tally sends a problem of an item merged away to the item it was merged into', () => {
    const tally = new Tally();
    const hours = tally.add({ id: '1', content: '公证处周末不开门', category: 'notary', channel: 'miniapp', submittedAt: '2026-03-01T00:00:00.000Z' }).itemId;
    const fees = tally.add({ id: '2', content: '公证费太贵了', category: 'notary', channel: 'miniapp', submittedAt: '2026-03-01T00:00:00.000Z' }).itemId;
    const into = tally.item(hours)!;
    const from = tally.item(fees)!;
    const next = new Tally({ ...tally.state(), items: [mergeSummaries(into, from), { ...from, mergedInto: hours }] });
    expect(next.add({ id: '3', content: '公证收费标准不公开，太贵', category: 'notary', channel: 'window', submittedAt: '2026-03-02T00:00:00.000Z' }).itemId).toBe(hours);
  });
});
