import { facetById, serviceById } from './lexicon';
import { itemMainService, type ItemSummary } from './grouping';

const TITLE_MAX = 28;

/** The service an item is mostly about (a named one beats “unnamed”). */
export function itemService(item: ItemSummary): string {
  return itemMainService(item);
}

/**
 * A title a bureau can publish, in the ledger's form: service + problem (“公证收费偏高不透明”,
 * “12348热线电话难打通”); for an item without a named problem, the key clause of its most telling
 * suggestion (“公证处午间不办公，上班族办事难”), led by the service when the clause does not name it.
 * Never a list of fragments, never personal data (the clause carries none; see clause.ts).
 */
export function itemTitle(item: ItemSummary): string {
  const serviceId = itemService(item);
  const service = serviceById.get(serviceId)?.label ?? '';
  const facetId = dominantFacet(item) ?? item.facet;
  const facet = facetId ? facetById.get(facetId)?.label : undefined;
  if (facet) return clip(service + facet);
  const clause = item.clause;
  if (!clause) return service ? `${service}方面的其他意见` : '其他意见';
  const named = serviceById.get(serviceId)?.terms.some((t) => clause.includes(t)) || clause.includes(service);
  return clip(named || !service ? clause : service + clause);
}

/**
 * The problem most of an item's suggestions name (its `@facet` features), when at least half of them
 * name it: an item that similarity grew beyond its first suggestion's facet is titled by what it became.
 */
export function dominantFacet(item: ItemSummary): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [k, c] of Object.entries(item.grams)) if (k.startsWith('@') && c > bestCount) [best, bestCount] = [k.slice(1), c];
  return best && bestCount * 2 >= item.count ? best : undefined;
}

function clip(s: string): string {
  const chars = [...s];
  return chars.length <= TITLE_MAX ? s : chars.slice(0, TITLE_MAX - 1).join('') + '…';
}
