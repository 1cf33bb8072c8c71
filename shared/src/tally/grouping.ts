import { analyse, learnedVocabulary, type Analysis, type LearnedClass, type LearnedVocabulary } from './analyse';
import type { Heat } from './heat';
import { GENERAL_SERVICE, services } from './lexicon';
import { addMemberInPlace, mergeSummaries } from './summary';
import { majority } from './item-words';

/** One suggestion as the tally sees it. */
export interface TallyInput {
  id: string;
  content: string;
  category: string;
  channel: string;
  /** When it was made (for imported rows, the original date): first/last seen and heat. */
  submittedAt: string;
}

/** The tally's working summary of one checklist item (JSON-serialisable; stored with the item). */
export interface ItemSummary extends Heat {
  id: string;
  /** The facet (problem) that defines the item, or null for an item grouped by wording alone. */
  facet: string | null;
  count: number;
  services: Record<string, number>;
  categories: Record<string, number>;
  channels: Record<string, number>;
  /** Matched lexicon terms (keywords), capped. */
  terms: Record<string, number>;
  /** Words and classes of its suggestions (see Analysis.grams), capped to the strongest. */
  grams: Record<string, number>;
  /** Normalised text of its first suggestion. */
  sample: string;
  /** The most telling clause of its suggestions, free of personal data (titles of items without a named problem). */
  clause?: string;
  clauseScore?: number;
  firstSeen: string;
  lastSeen: string;
  /** Admins locked it: the tally adds nothing to it. */
  locked?: boolean;
  /** Merged into another item: the tally sends its suggestions there. */
  mergedInto?: string;
}

export interface TallyState {
  docs: number;
  df: Record<string, number>;
  items: ItemSummary[];
}

export interface Assignment {
  itemId: string;
  created: boolean;
  analysis: Analysis;
}

/**
 * What admins taught the tally for one bureau: learned synonyms (each set of terms is one class) and
 * pairs of wordings kept apart (a suggestion naming a term of one side never joins an item whose main
 * words include a term of the other, and the consolidation never merges two such items).
 */
export interface TallyLessons {
  synonyms: readonly LearnedClass[];
  apart: readonly { id: string; a: readonly string[]; b: readonly string[] }[];
}

/** One merge the consolidation pass made. */
export interface Consolidation {
  from: string;
  into: string;
}

/** Index an item under the features of its first few suggestions only (postings stay bounded). */
const GRAM_INDEX_MEMBERS = 5;
/** Words in more than this share of suggestions are too common to retrieve candidates by. */
const COMMON_GRAM_SHARE = 0.08;
const QUERY_GRAMS = 10;
const MAX_TEXT_CANDIDATES = 200;
/**
 * The similarity's settings (bench/tally-tune.ts sweeps them; chosen to keep B³ precision ≥ 0.85 and the
 * highest lowest F1 over the campaign data and both held-out sets; see bench/RESULTS.md for the cross-check).
 * classWeight: thesaurus and facet classes weigh this much more than one word (a paraphrase shares the class);
 * learnedWeight: an admin's learned synonym weighs more still; charWeight: single characters (`` ` ``), the
 * evidence paraphrases share when they share no word; join: TF-IDF cosine (plus facetBonus when the deciding
 * problem facet is the item's) needed for a new suggestion to join an item — strict, since a wrong join is
 * never undone; consolidate: average-linkage similarity at which the consolidation joins two items, where
 * coverage blends each pair's cosine with the share of the shorter text the longer one shares, and
 * consolidateFacetBonus rewards a shared facet; gramWeight: character pairs (0: off).
 */
export const tuning = {
  classWeight: 3, learnedWeight: 4, charWeight: 2, join: 0.45, facetBonus: 0.1, consolidate: 0.2, coverage: 0.8, consolidateFacetBonus: 0, gramWeight: 0,
};
/** Consolidation compares items by up to this many members each (average linkage). */
const LINKAGE_MEMBERS = 12;
/** Consolidation weighs each item against at most this many others (those sharing the most features). */
const CONSOLIDATE_CANDIDATES = 100;
/** Consolidation re-examines items up to this size (large items are established). */
const CONSOLIDATE_MAX_COUNT = 5;

/**
 * Incremental grouping: each new suggestion joins the existing item closest to it in words and
 * thesaurus classes (TF-IDF cosine, a bonus for the same deciding problem facet), within the same service
 * (or an unnamed one), or it starts a new item. Candidates come from inverted indexes (service and
 * facet → items, rare word → items, service and class → items), never from all pairs. `consolidate()`
 * then joins small items that later suggestions show to be one problem.
 */
export class Tally {
  private docs = 0;
  private readonly df = new Map<string, number>();
  private readonly items = new Map<string, ItemSummary>();
  /** `service|facet` → items having members with that signature. */
  private readonly bySignature = new Map<string, Set<string>>();
  /** facet → items (for suggestions whose service is unknown). */
  private readonly byFacet = new Map<string, Set<string>>();
  private readonly byGram = new Map<string, Set<string>>();
  /** `service|class` → items. */
  private readonly byClass = new Map<string, Set<string>>();
  private readonly byText = new Map<string, string>();
  private readonly learned: LearnedVocabulary | undefined;
  private readonly apart: TallyLessons['apart'];
  /** Items the consolidation must leave as they are (renamed by an admin, split off by an admin). */
  private readonly protectedIds = new Set<string>();
  /** The words of the first members of each item added in this process (consolidation's average linkage). */
  private readonly memberGrams = new Map<string, Map<string, number>[]>();
  private nextId: () => string;

  constructor(state?: TallyState, newId?: () => string, lessons?: TallyLessons) {
    let n = 0;
    this.nextId = newId ?? (() => {
      while (this.items.has(`item-${++n}`));
      return `item-${n}`;
    });
    this.learned = lessons?.synonyms.length ? learnedVocabulary(lessons.synonyms) : undefined;
    this.apart = lessons?.apart ?? [];
    if (!state) return;
    this.docs = state.docs;
    for (const [g, c] of Object.entries(state.df)) this.df.set(g, c);
    for (const item of state.items) this.load(item);
  }

  /** Adds a known item (e.g. loaded from the table, or changed by an admin) to the indexes. */
  load(item: ItemSummary): void {
    this.items.set(item.id, item);
    if (item.facet) {
      for (const s of Object.keys(item.services)) addTo(this.bySignature, `${s}|${item.facet}`, item.id);
      addTo(this.byFacet, item.facet, item.id);
    }
    for (const g of topKeys(item.grams, 16)) addTo(this.byGram, g, item.id);
    this.indexClasses(item, Object.keys(item.grams), Object.keys(item.services));
  }

  /** The consolidation leaves this item as it is (an admin renamed it or split it off). */
  protect(id: string): void {
    this.protectedIds.add(id);
  }

  /** Forgets an item (it was never stored); index entries pointing at it are ignored from now on. */
  drop(id: string): void {
    this.items.delete(id);
  }

  item(id: string): ItemSummary | undefined {
    return this.items.get(id);
  }

  allItems(): ItemSummary[] {
    return [...this.items.values()];
  }

  state(): TallyState {
    return { docs: this.docs, df: Object.fromEntries(this.df), items: this.allItems() };
  }

  /** What the tally understands of a text, with this bureau's learned synonyms. */
  analyse(content: string, category?: string): Analysis {
    return analyse(content, category, this.learned, tuning.gramWeight > 0);
  }

  /** Assigns one suggestion to an item (existing or new) and updates that item. */
  add(input: TallyInput): Assignment {
    const a = this.analyse(input.content, input.category);
    this.docs += 1;
    for (const g of a.grams.keys()) this.df.set(g, (this.df.get(g) ?? 0) + 1);
    const target = this.findItem(a);
    let created = false;
    let item: ItemSummary;
    if (target) item = target;
    else {
      created = true;
      item = {
        id: this.nextId(), facet: a.keyFacets[0] ?? null, count: 0, services: {}, categories: {}, channels: {}, terms: {}, grams: {},
        sample: a.norm.slice(0, 60), firstSeen: input.submittedAt, lastSeen: input.submittedAt, heat: 0, heatAt: input.submittedAt,
      };
      this.items.set(item.id, item);
      if (item.facet) addTo(this.byFacet, item.facet, item.id);
    }
    this.addMember(item, input, a);
    return { itemId: item.id, created, analysis: a };
  }

  /**
   * Agglomerative pass over the items (average linkage over their members' words, characters and classes):
   * the closest pair of items of one service is joined first, then the next closest, the joined item
   * counting with all its members, until no pair is at least `tuning.consolidate` alike. The smaller joins the larger
   * (`mergedInto`, as an admin's merge does). Never touches a locked, renamed or split-off item, an item
   * merged away, nor two items kept apart by a lesson; items above CONSOLIDATE_MAX_COUNT only receive.
   * Returns the merges made, in order.
   */
  consolidate(): Consolidation[] {
    const merges: Consolidation[] = [];
    const version = new Map<string, number>();
    const heap = new PairHeap();
    const cache = new Map<object, MemberVector>();
    const index = this.consolidationIndex();
    // A pair reached from both of its items is weighed once (per version of each).
    const weighed = new Set<string>();
    const pushPairs = (item: ItemSummary) => {
      for (const other of this.consolidationPartners(item, index)) {
        const va = version.get(item.id) ?? 0;
        const vb = version.get(other.id) ?? 0;
        // Each pair in the order its tie-break reads first (as the first of its two entries used to be).
        const pair = item.id + other.id <= other.id + item.id ? { a: item.id, b: other.id, va, vb } : { a: other.id, b: item.id, va: vb, vb: va };
        const key = `${pair.a}:${pair.va}|${pair.b}:${pair.vb}`;
        if (weighed.has(key)) continue;
        weighed.add(key);
        const score = this.itemSimilarity(item, other, cache);
        if (score >= tuning.consolidate) heap.push({ ...pair, score });
      }
    };
    for (const item of this.allItems()) if (this.movable(item)) pushPairs(item);
    for (let pair = heap.pop(); pair; pair = heap.pop()) {
      const a = this.items.get(pair.a);
      const b = this.items.get(pair.b);
      if (!a || !b || !this.movable(a) || !this.movable(b)) continue;
      if ((version.get(a.id) ?? 0) !== pair.va || (version.get(b.id) ?? 0) !== pair.vb) continue;
      const [into, from] = b.count > a.count || (b.count === a.count && b.id < a.id) ? [b, a] : [a, b];
      if (from.count > CONSOLIDATE_MAX_COUNT) continue;
      Object.assign(into, mergeSummaries(into, from), { id: into.id });
      from.mergedInto = into.id;
      this.memberGrams.set(into.id, [...(this.memberGrams.get(into.id) ?? []), ...(this.memberGrams.get(from.id) ?? [])].slice(0, LINKAGE_MEMBERS));
      version.set(into.id, (version.get(into.id) ?? 0) + 1);
      this.load(into);
      for (const g of Object.keys(into.grams)) index.get(g)?.add(into.id);
      merges.push({ from: from.id, into: into.id });
      pushPairs(into);
    }
    return merges;
  }

  /** Items the consolidation may join with `item`: same service, movable, not kept apart, sharing a word, character or class. */
  private consolidationPartners(item: ItemSummary, index: Map<string, Set<string>>): ItemSummary[] {
    const features = Object.keys(item.grams);
    const shared = new Map<string, number>();
    for (const g of features) for (const id of index.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const out: ItemSummary[] = [];
    for (const [id] of [...shared].sort((x, y) => y[1] - x[1]).slice(0, CONSOLIDATE_CANDIDATES)) {
      const other = this.resolve(id);
      if (!other || other.id === item.id || !this.movable(other) || !sameService(item, other)) continue;
      if (Math.min(item.count, other.count) > CONSOLIDATE_MAX_COUNT) continue;
      if (this.keptApart(features, other) || this.keptApart(Object.keys(other.grams), item)) continue;
      out.push(other);
    }
    return out;
  }

  /** Movable items by their words, characters and classes (those in at most COMMON_GRAM_SHARE×2 of the suggestions): two
   *  paraphrases that share only a class (or a bureau's learned synonym) are still weighed. */
  private consolidationIndex(): Map<string, Set<string>> {
    const index = new Map<string, Set<string>>();
    const limit = Math.max(2, this.docs * COMMON_GRAM_SHARE * 2);
    for (const item of this.items.values()) {
      if (!this.movable(item)) continue;
      for (const g of Object.keys(item.grams)) if ((this.df.get(g) ?? 0) <= limit) addTo(index, g, item.id);
    }
    return index;
  }

  /**
   * How alike two items are: the average, over pairs of their members, of each pair's cosine blended with
   * its coverage (the share of the shorter text's weight the longer one shares: a short paraphrase inside
   * a long letter), plus the facet bonus. Members not seen in this process (an item loaded from the table,
   * members past LINKAGE_MEMBERS) are stood for by the item's centroid.
   */
  private itemSimilarity(x: ItemSummary, y: ItemSummary, cache: Map<object, MemberVector>): number {
    const xs = this.memberVectors(x, cache);
    const ys = this.memberVectors(y, cache);
    let sum = 0;
    for (const a of xs) for (const b of ys) sum += pairSimilarity(a, b);
    return sum / (xs.length * ys.length) + (x.facet && x.facet === y.facet ? tuning.consolidateFacetBonus : 0);
  }

  private memberVectors(item: ItemSummary, cache: Map<object, MemberVector>): MemberVector[] {
    const known = this.memberGrams.get(item.id) ?? [];
    const sources: (Map<string, number> | Record<string, number>)[] = known.length >= item.count ? known : [...known, item.grams];
    return sources.map((src) => {
      let v = cache.get(src);
      if (!v) {
        const { w, norm } = this.weights(src instanceof Map ? src : new Map(Object.entries(src)));
        for (const [g, x] of w) w.set(g, x / (norm || 1));
        cache.set(src, (v = { w, norm }));
      }
      return v;
    });
  }

  private movable(item: ItemSummary): boolean {
    return !item.mergedInto && !item.locked && !this.protectedIds.has(item.id);
  }

  private addMember(item: ItemSummary, input: TallyInput, a: Analysis): void {
    const isNewSignature = item.facet !== null && !item.services[a.service];
    addMemberInPlace(item, input, a);
    if (isNewSignature) addTo(this.bySignature, `${a.service}|${item.facet}`, item.id);
    if (item.count <= GRAM_INDEX_MEMBERS) {
      for (const g of this.queryGrams(a.grams)) addTo(this.byGram, g, item.id);
      this.indexClasses(item, [...a.grams.keys()], [a.service]);
    }
    if (!this.byText.has(a.norm)) this.byText.set(a.norm, item.id);
    const known = this.memberGrams.get(item.id) ?? [];
    if (known.length < LINKAGE_MEMBERS) this.memberGrams.set(item.id, [...known, a.grams]);
  }

  private indexClasses(item: ItemSummary, features: string[], services: string[]): void {
    for (const f of features) if (isClass(f)) for (const s of services) addTo(this.byClass, `${s}|${f}`, item.id);
  }

  /** Follows merges to the item that now stands for `id`. */
  private resolve(id: string | undefined): ItemSummary | undefined {
    let item = id ? this.items.get(id) : undefined;
    for (let hops = 0; item?.mergedInto && hops < 20; hops++) item = this.items.get(item.mergedInto);
    return item && !item.mergedInto && !item.locked ? item : undefined;
  }

  private findItem(a: Analysis): ItemSummary | undefined {
    const same = this.resolve(this.byText.get(a.norm));
    if (same && !this.keptApart([...a.grams.keys()], same)) return same;
    const query = this.weights(a.grams);
    const features = [...a.grams.keys()];
    let best: ItemSummary | undefined;
    let bestScore = tuning.join;
    for (const id of this.candidates(features, [a.service], a.keyFacets)) {
      const item = this.resolve(id);
      if (!item || this.keptApart(features, item)) continue;
      const serviceOk = a.service === GENERAL_SERVICE || item.services[a.service] || itemMainService(item) === GENERAL_SERVICE;
      if (!serviceOk) continue;
      // The facet of the item as indexed: an item merged away still routes its problem to the item it
      // was merged into, whatever that item's own facet.
      const indexedFacet = this.items.get(id)?.facet;
      const facetMatch = indexedFacet && a.keyFacets.includes(indexedFacet);
      const score = this.cosine(query, item) + (facetMatch ? tuning.facetBonus : 0) + Math.log1p(item.count) * 0.005;
      if (score >= bestScore) [best, bestScore] = [item, score];
    }
    return best;
  }

  /** Items sharing a rare word, a class (within the service) or the deciding facet, most shared first. */
  private candidates(features: string[], services: string[], keyFacets: readonly string[]): string[] {
    const shared = new Map<string, number>();
    const bump = (ids: Iterable<string> | undefined, by: number) => {
      for (const id of ids ?? []) shared.set(id, (shared.get(id) ?? 0) + by);
    };
    const counts = new Map(features.map((f) => [f, 1]));
    for (const g of this.queryGrams(counts)) bump(this.byGram.get(g), 1);
    for (const f of features) {
      if (!isClass(f)) continue;
      for (const s of services) {
        bump(this.byClass.get(`${s}|${f}`), 1);
        if (s !== GENERAL_SERVICE) bump(this.byClass.get(`${GENERAL_SERVICE}|${f}`), 1);
        else for (const svc of SERVICE_IDS) bump(this.byClass.get(`${svc}|${f}`), 0.5);
      }
    }
    for (const f of keyFacets) {
      for (const s of services) {
        if (s === GENERAL_SERVICE) bump(this.byFacet.get(f), 2);
        else {
          bump(this.bySignature.get(`${s}|${f}`), 2);
          bump(this.bySignature.get(`${GENERAL_SERVICE}|${f}`), 2);
        }
      }
    }
    return [...shared.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_TEXT_CANDIDATES).map(([id]) => id);
  }

  /** A lesson keeps a suggestion naming one side out of an item whose main words name the other. */
  private keptApart(features: readonly string[], item: ItemSummary): boolean {
    if (this.apart.length === 0) return false;
    const mine = new Set(features);
    const theirs = new Set(topKeys(item.grams, 12));
    return this.apart.some((p) => (p.a.some((t) => mine.has(t)) && p.b.some((t) => theirs.has(t))) || (p.b.some((t) => mine.has(t)) && p.a.some((t) => theirs.has(t))));
  }

  /** The rarest words of a suggestion (common ones retrieve everything and nothing). */
  private queryGrams(grams: Map<string, number>): string[] {
    const limit = Math.max(2, this.docs * COMMON_GRAM_SHARE);
    return [...grams.keys()]
      .filter((g) => !isClass(g) && ((this.df.get(g) ?? 0) <= limit || this.docs < 20))
      .sort((x, y) => (this.df.get(x) ?? 0) - (this.df.get(y) ?? 0))
      .slice(0, QUERY_GRAMS);
  }

  private idf(g: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(g) ?? 0) + 1)) + 1;
  }

  private weight(g: string, c: number): number {
    return (1 + Math.log(c)) * this.idf(g) * featureWeight(g);
  }

  private weights(grams: Map<string, number>): { w: Map<string, number>; norm: number } {
    const w = new Map<string, number>();
    let sq = 0;
    for (const [g, c] of grams) {
      const v = this.weight(g, c);
      w.set(g, v);
      sq += v * v;
    }
    return { w, norm: Math.sqrt(sq) };
  }

  private cosine(query: { w: Map<string, number>; norm: number }, item: ItemSummary): number {
    let dot = 0;
    let sq = 0;
    for (const [g, c] of Object.entries(item.grams)) {
      const v = this.weight(g, c);
      sq += v * v;
      const q = query.w.get(g);
      if (q) dot += q * v;
    }
    return query.norm > 0 && sq > 0 ? dot / (query.norm * Math.sqrt(sq)) : 0;
  }
}

const SERVICE_IDS = services.map((s) => s.id);

function isClass(feature: string): boolean {
  const c = feature[0];
  return c === '#' || c === '@' || c === '~';
}

function featureWeight(feature: string): number {
  const c = feature[0];
  return c === '`' ? tuning.charWeight : c === '~' ? tuning.learnedWeight : c === '#' || c === '@' ? tuning.classWeight : c === '^' ? tuning.gramWeight : 1;
}

/** The service an item is mostly about (a named one beats “unnamed”). */
export function itemMainService(item: ItemSummary): string {
  const named = Object.fromEntries(Object.entries(item.services).filter(([s]) => s !== GENERAL_SERVICE));
  return majority(named) ?? GENERAL_SERVICE;
}

function sameService(x: ItemSummary, y: ItemSummary): boolean {
  const a = itemMainService(x);
  const b = itemMainService(y);
  return a === b || a === GENERAL_SERVICE || b === GENERAL_SERVICE;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

function topKeys(record: Record<string, number>, n: number): string[] {
  return Object.entries(record).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);
}

/** A member's unit word vector (`w`) and its length before normalising (`norm`). */
interface MemberVector { w: Map<string, number>; norm: number }

/** Cosine of two members blended with coverage (cosine scaled by the ratio of their lengths, capped at 1). */
function pairSimilarity(a: MemberVector, b: MemberVector): number {
  const [small, large] = a.w.size <= b.w.size ? [a, b] : [b, a];
  let cosine = 0;
  for (const [g, x] of small.w) {
    const y = large.w.get(g);
    if (y) cosine += x * y;
  }
  const ratio = a.norm > 0 && b.norm > 0 ? Math.max(a.norm / b.norm, b.norm / a.norm) : 1;
  return (1 - tuning.coverage) * cosine + tuning.coverage * Math.min(1, cosine * ratio);
}

interface Pair { a: string; b: string; va: number; vb: number; score: number }

/** A max-heap of candidate merges by score (ties: the pair of lower ids, so runs are reproducible). */
class PairHeap {
  private readonly heap: Pair[] = [];

  push(p: Pair): void {
    const h = this.heap;
    h.push(p);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i] as Pair, h[parent] as Pair)) break;
      [h[i], h[parent]] = [h[parent] as Pair, h[i] as Pair];
      i = parent;
    }
  }

  pop(): Pair | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l] as Pair, h[m] as Pair)) m = l;
        if (r < h.length && before(h[r] as Pair, h[m] as Pair)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as Pair, h[i] as Pair];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Pair, y: Pair): boolean {
  return x.score !== y.score ? x.score > y.score : x.a + x.b < y.a + y.b;
}
