import { describe, expect, it } from 'vitest';
import { campaignStatsOf, chinaDay, type StatsInput } from './stats';

const row = (over: Partial<StatsInput>): StatsInput => ({
  createdAt: '2026-11-01T02:00:00.000Z', submittedAt: '2026-11-01T02:00:00.000Z', category: 'notary', channel: 'miniapp',
  status: 'received', replied: false, followUpPending: false, excluded: false, ...over,
});

describe('campaign stats', () => {
  it('counts days in China time', () => {
    expect(chinaDay('2026-11-01T16:30:00.000Z')).toBe('2026-11-02');
  });

  it('counts per day, category, channel and satisfaction, leaving out spam', () => {
    const s = campaignStatsOf([
      row({}),
      row({ submittedAt: '2026-11-02T01:00:00.000Z', channel: 'window', replied: true, rating: 'satisfied', status: 'replied' }),
      row({ category: 'lawyer', replied: true, rating: 'unsatisfied', followUpPending: true, status: 'replied' }),
      row({ excluded: true, category: 'lawyer' }),
    ], [{ key: 'notary', label: '公证' }, { key: 'lawyer', label: '律师' }]);
    expect(s.total).toBe(3);
    expect(s.perDay).toEqual([{ date: '2026-11-01', count: 2 }, { date: '2026-11-02', count: 1 }]);
    expect(s.perCategory).toEqual([{ key: 'notary', label: '公证', count: 2 }, { key: 'lawyer', label: '律师', count: 1 }]);
    expect(s.perChannel.find((c) => c.key === 'window')?.count).toBe(1);
    expect(s.satisfaction.rate).toBeCloseTo(0.5);
    expect(s.followUpsPending).toBe(1);
  });

  it('has no satisfaction rate before any rating', () => {
    expect(campaignStatsOf([row({})], []).satisfaction.rate).toBeNull();
  });
});
