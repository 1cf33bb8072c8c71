import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchScore, plainText, snippet, words } from './find';

describe('search words', () => {
  it('segments Chinese into words, not characters', () => {
    expect(words('法律援助法自2022年施行')).toEqual(expect.arrayContaining(['法律', '援助', '2022', '施行']));
    expect(words('党支部是党的基础组织')).not.toContain('的');
  });

  const doc = { title: '学习《法律援助法》', text: '法律援助机构应当自收到申请之日起七日内作出决定。', tags: ['公共法律服务'] };
  it('matches whole words in title, tags and text, weighted', () => {
    expect(matchScore(words('援助'), doc)).toBe(4);
    expect(matchScore(words('法律援助'), doc)).toBeGreaterThan(matchScore(words('申请'), doc));
    expect(matchScore(words('服务'), doc)).toBe(2);
  });
  it('does not match a run of characters that is not a word', () => {
    expect(matchScore(words('律援'), doc)).toBe(0);
    expect(matchScore(words('援助 调解'), doc)).toBe(0);
    expect(matchScore([], doc)).toBe(0);
  });
  it('finds any document by one of its own title words', () => {
    fc.assert(fc.property(fc.constantFrom('人民调解', '公证管理', '法治宣传', '党风廉政建设', '三会一课'), fc.string(), (title, text) => {
      const w = words(title);
      expect(matchScore([w[0]!], { title, text, tags: [] })).toBeGreaterThanOrEqual(3);
    }));
  });
  it('makes plain text and snippets', () => {
    expect(plainText('<p>第一段&nbsp;<b>重点</b></p>')).toBe('第一段 重点');
    expect(snippet('一二三四五六七八九十'.repeat(10), ['五'], 10)).toMatch(/^一二三四五/);
  });
});
