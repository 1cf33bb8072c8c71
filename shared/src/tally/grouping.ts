import { analyse, learnedVocabulary, type Analysis, type LearnedClass, type LearnedVocabulary } from './analyse';
import type { Heat } from './heat';
import { GENERAL_SERVICE, services } from './lexicon';
import { addMemberInPlace, mergeSummaries } from './summary';

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
 * The similarity's settings, tuned on the campaign data and the first held-out set only (bench/tally-quality.ts).
 * classWeight: thesaurus and facet classes weigh this much more than one word (a paraphrase shares the class);
 * learnedWeight: an admin's learned synonym weighs more still; join: cosine of word+class TF-IDF vectors
 * (plus facetBonus when the deciding problem facet is the item's) needed to join an item; consolidate:
 * items whose centroids are at least this close (same service) become one; gramWeight: character pairs as weak
 * features (0: words and classes only).
 */
export const tuning = { classWeight: 1.5, learnedWeight: 3, join: 0.3, facetBonus: 0.35, consolidate: 0.5, gramWeight: 0 };
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
   * Re-examines small items against the items of their service: when two centroids are close, the
   * smaller joins the larger (`mergedInto`, as an admin's merge does). Never touches a locked, renamed or
   * split-off item, an item merged away, nor two items kept apart by a lesson. Returns the merges made.
   */
  consolidate(): Consolidation[] {
    const merges: Consolidation[] = [];
    const small = this.allItems().filter((i) => this.movable(i) && i.count <= CONSOLIDATE_MAX_COUNT).sort((x, y) => x.count - y.count);
    for (const from of small) {
      if (from.mergedInto) continue;
      const query = this.itemVector(from);
      let best: ItemSummary | undefined;
      let bestScore = tuning.consolidate;
      for (const id of this.candidates(Object.keys(from.grams), Object.keys(from.services), from.facet ? [from.facet] : [])) {
        const into = this.resolve(id);
        if (!into || into.id === from.id || this.protectedIds.has(into.id) || !sameService(from, into) || this.keptApart(Object.keys(from.grams), into)) continue;
        if (into.count < from.count || (into.count === from.count && into.id > from.id)) continue;
        const score = this.cosine(query, into) + (from.facet && from.facet === into.facet ? tuning.facetBonus : 0);
        if (score >= bestScore) [best, bestScore] = [into, score];
      }
      if (!best) continue;
      const merged = mergeSummaries(best, from);
      Object.assign(best, merged, { id: best.id });
      from.mergedInto = best.id;
      this.load(best);
      merges.push({ from: from.id, into: best.id });
    }
    return merges;
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

  private itemVector(item: ItemSummary): { w: Map<string, number>; norm: number } {
    return this.weights(new Map(Object.entries(item.grams)));
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
  return c === '~' ? tuning.learnedWeight : c === '#' || c === '@' ? tuning.classWeight : c === '^' ? tuning.gramWeight : 1;
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

/** The majority key of a count record (ties: the first listed). */
export function majority(record: Record<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [k, c] of Object.entries(record)) if (c > bestCount) [best, bestCount] = [k, c];
  return best;
}
