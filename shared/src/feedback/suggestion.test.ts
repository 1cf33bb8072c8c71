import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { hasHiddenControls, submitSuggestionBody } from './suggestion';

const hidden = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff');

describe('hidden control characters', () => {
  it('finds a control, a bidi override or a lone surrogate wherever it sits', () => {
    fc.assert(fc.property(fc.string(), hidden, fc.string(), (a, c, b) => hasHiddenControls(`${a}${c}${b}`)));
  });

  it('lets through what people type: Chinese, line breaks, tabs, emoji and characters beyond the BMP', () => {
    for (const text of ['公证处周末不开门', '第一行\n第二行\r\n\t缩进', '点赞👍🏻👨‍👩‍👧', '𠀀𪚥（生僻字）', 'عربي mixed 中文', '零宽\u200b连接']) {
      expect(hasHiddenControls(text)).toBe(false);
    }
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => !hasHiddenControls(s.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ''))));
  });

  it('refuses them in a submitted suggestion, its contact name and keeps the message readable', () => {
    const base = { category: 'notary', content: '窗口排队时间太长', anonymous: false, contact: { name: '张三', phone: '13800001111' } };
    expect(z.safeParse(submitSuggestionBody, base).success).toBe(true);
    const bad = z.safeParse(submitSuggestionBody, { ...base, content: '窗口排队\u202e时间太长', contact: { name: '张\u0000三', phone: '13800001111' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['content', '含有看不见的控制字符，请删除后重新填写'],
      ['contact.name', '含有看不见的控制字符，请删除后重新填写'],
    ]);
  });
});
