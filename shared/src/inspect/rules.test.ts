import { describe, expect, it } from 'vitest';
import { audienceProblem, coverageByUnit } from './audience';
import { filingErrors, isLate } from './rules';
import { keyedKinds, talkErrors } from '../talks/rules';

const items = [{ key: '1', text: '违规经商办企业' }, { key: '2', text: '违规参股借贷' }];

describe('self-inspection rules', () => {
  it('wants every item answered once, problems explained, the filer’s own signature and the pledge', () => {
    const good = { answers: [{ key: '1', finding: 'none' as const }, { key: '2', finding: 'found' as const, detail: '曾借款给服务对象' }], signature: '李静', pledged: true };
    expect(filingErrors(items, good, '李静')).toEqual([]);
    expect(filingErrors(items, { ...good, answers: [good.answers[0]!] }, '李静')).toEqual([{ path: 'answers', message: '请回答第 2 项：违规参股借贷' }]);
    expect(filingErrors(items, { ...good, answers: [...good.answers, good.answers[0]!] }, '李静')[0]?.message).toBe('同一事项只能回答一次');
    expect(filingErrors(items, { ...good, answers: [good.answers[0]!, { key: '2', finding: 'found' }] }, '李静')[0]?.path).toBe('answers.1.detail');
    expect(filingErrors(items, { ...good, signature: '张磊' }, '李静')[0]?.path).toBe('signature');
    expect(filingErrors(items, { ...good, pledged: false }, '李静')[0]?.path).toBe('pledged');
  });

  it('is late the day after the deadline, Beijing time', () => {
    expect(isLate('2026-04-10', new Date('2026-04-10T15:59:00Z'))).toBe(false);
    expect(isLate('2026-04-10', new Date('2026-04-10T16:01:00Z'))).toBe(true);
  });

  it('takes an org or chosen people, not both nor neither', () => {
    expect(audienceProblem({ orgId: 'lj' })).toBeNull();
    expect(audienceProblem({ memberIds: ['a1'] })).toBeNull();
    expect(audienceProblem({})).toContain('请选择范围');
    expect(audienceProblem({ orgId: 'lj', memberIds: ['a1'] })).toContain('只能选择一种');
  });

  it('counts coverage per unit and lists who is missing, the units with most missing first', () => {
    const units = coverageByUnit([
      { userId: 'a', name: '张磊', unitId: 'u1', unitName: '公证处', done: true },
      { userId: 'b', name: '李静', unitId: 'u1', unitName: '公证处', done: false },
      { userId: 'c', name: '吴芳', unitId: 'u2', unitName: '律所', done: false },
      { userId: 'd', name: '郑浩', unitId: 'u2', unitName: '律所', done: false },
    ]);
    expect(units.map((u) => [u.unitId, u.total, u.done, u.missing.length])).toEqual([['u2', 2, 0, 2], ['u1', 2, 1, 1]]);
  });
});

describe('talk rules', () => {
  it('keys the round’s kinds and refuses unknown kinds, content the round does not keep, and talks in the future', () => {
    const round = { kinds: keyedKinds(['班子成员之间必谈', '部门负责人与干警必谈']), keepContent: false };
    expect(round.kinds[1]).toEqual({ key: '2', label: '部门负责人与干警必谈' });
    const now = new Date('2026-05-01T00:00:00Z');
    const body = { intervieweeId: 'a1', talkerName: '陈海燕', heldAt: '2026-04-30T08:00:00.000Z', kind: '1', outcome: 'stable' as const };
    expect(talkErrors(round, body, now)).toEqual([]);
    expect(talkErrors(round, { ...body, kind: '3' }, now)[0]?.path).toBe('kind');
    expect(talkErrors(round, { ...body, content: '说了什么' }, now)[0]?.path).toBe('content');
    expect(talkErrors({ ...round, keepContent: true }, { ...body, content: '要点' }, now)).toEqual([]);
    expect(talkErrors(round, { ...body, heldAt: '2026-05-02T00:00:00.000Z' }, now)[0]?.path).toBe('heldAt');
  });
});
