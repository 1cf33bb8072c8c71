import { analyse, type Analysis } from './analyse';
import type { Heat } from './heat';
import { GENERAL_SERVICE } from './lexicon';
import { addMemberInPlace } from './summary';

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
  /** Character bigrams of its suggestions, capped to the strongest. */
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

/** Index an item under the grams of its first few suggestions only (postings stay bounded). */
const GRAM_INDEX_MEMBERS = 5;
/** Grams in more than this share of suggestions are too common to retrieve candidates by. */
const COMMON_GRAM_SHARE = 0.08;
const QUERY_GRAMS = 10;
const MAX_TEXT_CANDIDATES = 200;
/** Wording-only grouping: cosine of TF-IDF bigram vectors needed to join an item. */
export const TEXT_JOIN = 0.42;
/** A suggestion without a recognised problem joins an item that has one only when the wording is this close. */
export const TEXT_JOIN_STRONG = 0.6;

/**
 * Incremental grouping: each new suggestion joins the existing item describing the same problem (same
 * service — or an unnamed one — and the same most specific problem facet; by TF-IDF wording when the
 * lexicon recognises no problem), or it starts a new item. Candidates come from inverted indexes
 * (signature → items, rare bigram → items), never from all pairs.
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
  private readonly byText = new Map<string, string>();
  private nextId: () => string;

  constructor(state?: TallyState, newId?: () => string) {
    let n = 0;
    this.nextId = newId ?? (() => {
      while (this.items.has(`item-${++n}`));
      return `item-${n}`;
    });
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

  /** Assigns one suggestion to an item (existing or new) and updates that item. */
  add(input: TallyInput): Assignment {
    const a = analyse(input.content, input.category);
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

  private addMember(item: ItemSummary, input: TallyInput, a: Analysis): void {
    const isNewSignature = item.facet !== null && !item.services[a.service];
    addMemberInPlace(item, input, a);
    if (isNewSignature) addTo(this.bySignature, `${a.service}|${item.facet}`, item.id);
    if (item.count <= GRAM_INDEX_MEMBERS) for (const g of this.queryGrams(a)) addTo(this.byGram, g, item.id);
    if (!this.byText.has(a.norm)) this.byText.set(a.norm, item.id);
  }

  /** Follows merges to the item that now stands for `id`. */
  private resolve(id: string | undefined): ItemSummary | undefined {
    let item = id ? this.items.get(id) : undefined;
    for (let hops = 0; item?.mergedInto && hops < 20; hops++) item = this.items.get(item.mergedInto);
    return item && !item.mergedInto && !item.locked ? item : undefined;
  }

  private findItem(a: Analysis): ItemSummary | undefined {
    const same = this.resolve(this.byText.get(a.norm));
    if (same) return same;
    if (a.keyFacets.length > 0) return this.byProblem(a);
    return this.byWording(a);
  }

  /** Same problem facet, same (or an unnamed) service; the closest wording breaks ties. */
  private byProblem(a: Analysis): ItemSummary | undefined {
    const ids = new Set<string>();
    for (const f of a.keyFacets) {
      if (a.service === GENERAL_SERVICE) for (const id of this.byFacet.get(f) ?? []) ids.add(id);
      else {
        for (const id of this.bySignature.get(`${a.service}|${f}`) ?? []) ids.add(id);
        for (const id of this.bySignature.get(`${GENERAL_SERVICE}|${f}`) ?? []) ids.add(id);
      }
    }
    let best: ItemSummary | undefined;
    let bestScore = -1;
    const query = this.weights(a.grams);
    for (const id of ids) {
      // The facet of the item as indexed: an item merged away still routes its problem to the item it
      // was merged into, whatever that item's own facet.
      const indexed = this.items.get(id);
      const item = this.resolve(id);
      if (!item || !indexed?.facet || !a.keyFacets.includes(indexed.facet)) continue;
      const sameService = (item.services[a.service] ?? 0) / item.count;
      const score = this.cosine(query, item) + sameService + Math.log1p(item.count) * 0.02;
      if (score > bestScore) {
        bestScore = score;
        best = item;
      }
    }
    return best;
  }

  /** No recognised problem: join the item with the closest TF-IDF wording, if close enough. */
  private byWording(a: Analysis): ItemSummary | undefined {
    const shared = new Map<string, number>();
    for (const g of this.queryGrams(a)) {
      const posting = this.byGram.get(g);
      if (!posting) continue;
      for (const id of posting) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const candidates = [...shared.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_TEXT_CANDIDATES);
    const query = this.weights(a.grams);
    let best: ItemSummary | undefined;
    let bestScore = 0;
    for (const [id] of candidates) {
      const item = this.resolve(id);
      if (!item) continue;
      const serviceOk = a.service === GENERAL_SERVICE || item.services[a.service] || item.services[GENERAL_SERVICE];
      if (!serviceOk) continue;
      const score = this.cosine(query, item);
      const needed = item.facet ? TEXT_JOIN_STRONG : TEXT_JOIN;
      if (score >= needed && score > bestScore) {
        bestScore = score;
        best = item;
      }
    }
    return best;
  }

  /** The rarest grams of a suggestion (common ones retrieve everything and nothing). */
  private queryGrams(a: Analysis): string[] {
    const limit = Math.max(2, this.docs * COMMON_GRAM_SHARE);
    return [...a.grams.keys()]
      .filter((g) => (this.df.get(g) ?? 0) <= limit || this.docs < 20)
      .sort((x, y) => (this.df.get(x) ?? 0) - (this.df.get(y) ?? 0))
      .slice(0, QUERY_GRAMS);
  }

  private idf(g: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(g) ?? 0) + 1)) + 1;
  }

  private weights(grams: Map<string, number>): { w: Map<string, number>; norm: number } {
    const w = new Map<string, number>();
    let sq = 0;
    for (const [g, c] of grams) {
      const v = (1 + Math.log(c)) * this.idf(g);
      w.set(g, v);
      sq += v * v;
    }
    return { w, norm: Math.sqrt(sq) };
  }

  private cosine(query: { w: Map<string, number>; norm: number }, item: ItemSummary): number {
    let dot = 0;
    let sq = 0;
    for (const [g, c] of Object.entries(item.grams)) {
      const v = (1 + Math.log(c)) * this.idf(g);
      sq += v * v;
      const q = query.w.get(g);
      if (q) dot += q * v;
    }
    return query.norm > 0 && sq > 0 ? dot / (query.norm * Math.sqrt(sq)) : 0;
  }
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
