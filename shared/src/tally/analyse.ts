import { facetById, facets, GENERAL_SERVICE, serviceOfCategory, services } from './lexicon';
import { charBigrams, normalizeText } from './normalize';

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
  grams: Map<string, number>;
}

type Entry = { term: string; id: string };
type Vocabulary = Map<string, Entry[]>;

/** First character → entries starting with it, longest first (for longest-match scanning). */
function vocabulary(defs: readonly { id: string; terms: readonly string[] }[]): Vocabulary {
  const map: Vocabulary = new Map();
  for (const d of defs) {
    for (const t of d.terms) {
      const term = normalizeText(t);
      const first = term[0];
      if (!first) continue;
      const list = map.get(first) ?? [];
      list.push({ term, id: d.id });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.term.length - a.term.length);
  return map;
}

const serviceVocabulary = vocabulary(services);
const facetVocabulary = vocabulary(facets);
const servicePriority = new Map(services.map((s, i) => [s.id, i]));
/** A window or service centre is where things happen, not what they are about: any named service beats it. */
const VENUE = 'public_service';

/** Longest-match scan of the normalised text (matches do not overlap). Services and facets are scanned
 *  separately, so “公证费” names both the notary service and the fees problem. */
function scan(norm: string, vocab: Vocabulary): Entry[] {
  const found: Entry[] = [];
  let i = 0;
  while (i < norm.length) {
    const hit = vocab.get(norm[i] as string)?.find((e) => norm.startsWith(e.term, i));
    if (hit) {
      found.push(hit);
      i += hit.term.length;
    } else i += 1;
  }
  return found;
}

function chooseService(named: string[], category: string | undefined): string {
  const fromCategory = category ? serviceOfCategory.get(category) : undefined;
  if (fromCategory && fromCategory !== VENUE && named.includes(fromCategory)) return fromCategory;
  return named.find((s) => s !== VENUE) ?? (named.includes(VENUE) ? VENUE : undefined) ?? fromCategory ?? GENERAL_SERVICE;
}

export function analyse(content: string, category?: string): Analysis {
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
  return { norm, service, services: named, facets: facetIds, keyFacets, terms: [...serviceHits, ...facetHits].map((h) => h.term), grams: charBigrams(norm) };
}
