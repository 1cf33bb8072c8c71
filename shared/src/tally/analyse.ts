import { facetById, facets, GENERAL_SERVICE, serviceOfCategory, services } from './lexicon';
import { charBigrams, normalizeText, stripContactNumbers } from './normalize';
import { segmentWords } from './segment';
import { thesaurus } from './thesaurus';

/** What the tally understands of one suggestion. */
export interface Analysis {
  norm: string;
  /** The service it is about (from the text, else the category, else `general`). */
  service: string;
  /** Every service the text names, in lexicon priority order. */
  services: string[];
  /** Problem facets the text names, most specific first. */
  facets: string[];
  /** The facets that may decide the item: those of the highest tier present. */
  keyFacets: string[];
  /** Lexicon terms as they matched, for keywords. */
  terms: string[];
  /** What similarity compares: its words (segmented) and its classes (`#` thesaurus, `@` problem facet,
   *  `~` a bureau's learned synonym), with counts. Stored in items' summaries as `grams`. */
  grams: Map<string, number>;
}

/** A bureau's learned synonyms: each set of terms is one class (`~id`), as the thesaurus's are. */
export interface LearnedClass {
  id: string;
  terms: readonly string[];
}

type Entry = { term: string; id: string };
/** Terms → their entries (a thesaurus term may name several classes), and for each first character the
 *  lengths of the terms starting with it, longest first (longest-match scanning by map look-ups). */
interface Vocabulary {
  terms: Map<string, Entry[]>;
  lengths: Map<string, number[]>;
}

function vocabulary(defs: readonly { id: string; terms: readonly string[] }[]): Vocabulary {
  const terms = new Map<string, Entry[]>();
  const lengths = new Map<string, number[]>();
  for (const d of defs) {
    for (const t of d.terms) {
      const term = normalizeText(t);
      const first = term[0];
      if (!first) continue;
      const list = terms.get(term) ?? [];
      if (!list.some((e) => e.id === d.id)) list.push({ term, id: d.id });
      terms.set(term, list);
      const ls = lengths.get(first) ?? [];
      if (!ls.includes(term.length)) ls.push(term.length);
      lengths.set(first, ls);
    }
  }
  for (const ls of lengths.values()) ls.sort((a, b) => b - a);
  return { terms, lengths };
}

const serviceVocabulary = vocabulary(services);
const facetVocabulary = vocabulary(facets);
const thesaurusVocabulary = vocabulary(thesaurus);
const servicePriority = new Map(services.map((s, i) => [s.id, i]));
/** A window or service centre is where things happen, not what they are about: any named service beats it. */
const VENUE = 'public_service';

/** Longest-match scan of the normalised text (matches do not overlap). Services and facets are scanned
 *  separately, so “公证费” names both the notary service and the fees problem. */
function scan(norm: string, vocab: Vocabulary, everyClass = false): Entry[] {
  const found: Entry[] = [];
  let i = 0;
  while (i < norm.length) {
    let step = 1;
    for (const len of vocab.lengths.get(norm[i] as string) ?? []) {
      const hits = i + len <= norm.length ? vocab.terms.get(norm.slice(i, i + len)) : undefined;
      if (!hits) continue;
      // A thesaurus term may belong to several classes (视频: remote service, legal-education videos).
      if (everyClass) found.push(...hits);
      else found.push(hits[0] as Entry);
      step = len;
      break;
    }
    i += step;
  }
  return found;
}

function chooseService(named: string[], category: string | undefined): string {
  const fromCategory = category ? serviceOfCategory.get(category) : undefined;
  if (fromCategory && fromCategory !== VENUE && named.includes(fromCategory)) return fromCategory;
  return named.find((s) => s !== VENUE) ?? (named.includes(VENUE) ? VENUE : undefined) ?? fromCategory ?? GENERAL_SERVICE;
}

export function analyse(content: string, category?: string, learned?: LearnedVocabulary, withBigrams = false, withChars = true): Analysis {
  const norm = normalizeText(content);
  const serviceHits = scan(norm, serviceVocabulary);
  const facetHits = scan(norm, facetVocabulary);
  const named = [...new Set(serviceHits.map((h) => h.id))].sort((a, b) => (servicePriority.get(a) ?? 99) - (servicePriority.get(b) ?? 99));
  const service = chooseService(named, category);

  // A facet's weight: how often the text names it, plus half its tier (specific problems outrank
  // generic complaints; a long letter's main point outranks a passing mention).
  const weight = new Map<string, number>();
  for (const h of facetHits) weight.set(h.id, (weight.get(h.id) ?? (facetById.get(h.id)?.tier ?? 1) * 0.5) + 1);
  const facetIds = [...weight.keys()].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
  const top = facetIds.length ? (weight.get(facetIds[0] as string) ?? 0) : 0;
  const keyFacets = facetIds.filter((f) => weight.get(f) === top);
  const features = new Map<string, number>();
  const add = (k: string) => features.set(k, (features.get(k) ?? 0) + 1);
  for (const w of words(content)) add(w);
  // Character pairs (`^`), weak: typos and words the dictionary lacks, which segment into single characters.
  if (withBigrams) for (const [g, c] of charBigrams(norm)) if (!/\d/u.test(g)) features.set(`^${g}`, (features.get(`^${g}`) ?? 0) + c);
  for (const h of scan(norm, thesaurusVocabulary, true)) add(`#${h.id}`);
  for (const f of facetIds) add(`@${f}`);
  if (learned) for (const h of scan(norm, learned.vocab)) add(`~${h.id}`);
  // Characters (`` ` ``), once per text: paraphrases often share a rare character where they share no
  // word (翻译/译文/译本, 十级/九级/等级); the campaign's IDF keeps common ones weak.
  if (withChars) for (const ch of new Set(norm)) if (HAN.test(ch) && !STOP.has(ch)) add(`\`${ch}`);
  if (features.size === 0 && norm) add(norm.slice(0, 8));
  return { norm, service, services: named, facets: facetIds, keyFacets, terms: [...serviceHits, ...facetHits].map((h) => h.term), grams: features };
}

/** Learned synonyms ready for scanning. */
export interface LearnedVocabulary {
  vocab: Vocabulary;
  size: number;
}

export function learnedVocabulary(classes: readonly LearnedClass[]): LearnedVocabulary {
  return { vocab: vocabulary(classes), size: classes.length };
}

const HAN = /\p{Script=Han}/u;

/** Function words and fillers that say nothing about a problem. */
const STOP = new Set(['我们', '你们', '他们', '她们', '这个', '那个', '这些', '那些', '什么', '怎么', '怎么办', '为什么', '因为', '所以', '但是', '如果', '还是', '就是', '一个', '可以', '能不能', '希望', '建议', '觉得', '认为', '没有', '现在', '时候', '已经', '非常', '比较', '还有', '这样', '那么', '自己', '大家', '真的', '实在', '一下', '一些', '有点', '有些', '问题', '情况', '反映', '领导', '你好', '您好', '谢谢', '感谢', '麻烦', '请问', '而且', '然后', '其实', '总是', '每次', '一直', '不是', '就', '都', '也', '还', '又', '再', '很', '太', '了', '的', '地', '得', '着', '过', '吗', '呢', '吧', '啊', '呀', '哦', '嗯', '我', '你', '他', '她', '它', '是', '在', '有', '和', '跟', '与', '或', '被', '把', '给', '让', '对', '从', '到', '为', '说', '去', '来', '这', '那', '个', '们', '上', '下', '里', '中', '后', '前', '时', '要', '会', '能', '想', '看', '做', '办', '好', '多', '点', '次', '人', '事', '没', '不']);

/** The words of a suggestion for similarity: segmented, two characters or more, no function words, no digits. */
function words(content: string): string[] {
  const text = stripContactNumbers(content.normalize('NFKC')).toLowerCase();
  const out: string[] = [];
  for (const w of segmentWords(text)) {
    const t = w.replace(/[^\p{L}\p{N}]+/gu, '');
    if ([...t].length < 2 || STOP.has(t) || /\d/u.test(t)) continue;
    out.push(t);
  }
  return out;
}
