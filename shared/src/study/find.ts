import * as z from 'zod/mini';
import { id } from '../http/common';

/**
 * Finding and keeping lessons: search (Chinese word segmentation with Intl.Segmenter, so 援助 finds
 * 法律援助 but 律援 finds nothing), favourites, and "continue where you stopped".
 */

// Made on first use: the phone imports this module too, and not every mini-program engine has Intl.Segmenter.
let segmenter: Intl.Segmenter | undefined;

/** Words that say nothing on their own. */
const stopWords = new Set(['的', '了', '是', '和', '与', '及', '在', '对', '等', '之', '为', '把', '被', '也', '就', '都', '而', '或', '一个']);

/** The words of a text: segmented, lower-cased, without punctuation and stop words. */
export function words(text: string): string[] {
  const out: string[] = [];
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (s.isWordLike && !stopWords.has(s.segment)) out.push(s.segment);
  }
  return out;
}

export interface Findable {
  title: string;
  text: string;
  tags: readonly string[];
}

/**
 * How well a document answers a query: every query word must be one of its words (title, tags or
 * text); a word in the title counts 3, in the tags 2, in the text 1. Zero means no match.
 */
export function matchScore(queryWords: readonly string[], doc: Findable): number {
  if (queryWords.length === 0) return 0;
  const title = new Set(words(doc.title));
  const tags = new Set(doc.tags.flatMap(words));
  const text = new Set(words(doc.text));
  let score = 0;
  for (const w of new Set(queryWords)) {
    const s = (title.has(w) ? 3 : 0) + (tags.has(w) ? 2 : 0) + (text.has(w) ? 1 : 0);
    if (s === 0) return 0;
    score += s;
  }
  return score;
}

/** Plain text of sanitised HTML (for searching and snippets). */
export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&[a-z]+;/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A short piece of text around the first query word found. */
export function snippet(text: string, queryWords: readonly string[], size = 60): string {
  const lower = text.toLowerCase();
  const at = Math.min(...queryWords.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(at)) return text.slice(0, size);
  const start = Math.max(0, at - 15);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + size)}${start + size < text.length ? '…' : ''}`;
}

export const searchQuery = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(1, '请输入要搜索的内容'), z.maxLength(50, '搜索内容最多 50 个字')),
});
export const searchHit = z.object({
  kind: z.enum(['topic', 'lesson']),
  id: z.string(),
  title: z.string(),
  topicTitle: z.nullable(z.string()),
  snippet: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;
export const searchResult = z.object({ words: z.array(z.string()), items: z.array(searchHit) });

export const favouriteParams = z.strictObject({ lessonId: id });
export const favourite = z.object({ lessonId: z.string(), title: z.string(), topicTitle: z.string(), savedAt: z.string() });
export const favouriteList = z.object({ items: z.array(favourite) });

/** The lesson the member last studied and has not finished, if any. */
export const resumePoint = z.object({
  lesson: z.nullable(z.object({ id: z.string(), title: z.string(), topicTitle: z.string(), position: z.number(), studiedAt: z.string() })),
});
