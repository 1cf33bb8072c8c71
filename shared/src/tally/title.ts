import { facetById, GENERAL_SERVICE, serviceById } from './lexicon';
import { majority, type ItemSummary } from './grouping';
import { stripContactNumbers } from './normalize';

const TITLE_MAX = 24;

/** The service an item is mostly about (a named one beats “unnamed”). */
export function itemService(item: ItemSummary): string {
  const named = Object.fromEntries(Object.entries(item.services).filter(([s]) => s !== GENERAL_SERVICE));
  return majority(named) ?? GENERAL_SERVICE;
}

/**
 * A readable title: service + problem (“公证收费偏高不透明”, “12348热线电话难打通”). Items grouped by
 * wording alone get the service and their most telling words, never a whole suggestion or a number.
 */
export function itemTitle(item: ItemSummary): string {
  const service = serviceById.get(itemService(item))?.label ?? '';
  const facet = item.facet ? facetById.get(item.facet)?.label : undefined;
  if (facet) return clip(service + facet);
  const words = itemKeywords(item, 3).filter((w) => !service.includes(w));
  const phrase = words.length ? words.join('、') : telling(item.sample);
  return clip(service ? `${service}：${phrase}` : phrase || '其他意见');
}

/** Keywords: the lexicon terms its suggestions use most, then the commonest two-character words. */
export function itemKeywords(item: ItemSummary, n = 6): string[] {
  const terms = Object.entries(item.terms).sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const grams = Object.entries(item.grams)
    .filter(([g]) => /^\p{Script=Han}{2}$/u.test(g))
    .sort((a, b) => b[1] - a[1])
    .map(([g]) => g);
  const out: string[] = [];
  for (const w of [...terms, ...grams]) {
    const clean = stripContactNumbers(w).replace(/\d{5,}/g, '');
    if (clean.length < 2 || out.some((o) => o.includes(clean) || clean.includes(o))) continue;
    out.push(clean);
    if (out.length >= n) break;
  }
  return out;
}

/** The first clause of a sample, without numbers, as a last resort. */
function telling(sample: string): string {
  return stripContactNumbers(sample).replace(/\d+/g, '').slice(0, 12);
}

function clip(s: string): string {
  const chars = [...s];
  return chars.length <= TITLE_MAX ? s : chars.slice(0, TITLE_MAX - 1).join('') + '…';
}
