/**
 * The one cache of the functions: facts that change rarely — a campaign (its dates, status,
 * categories and org path) and an org (its name, kind and path) — kept in a warm function instance.
 *
 * Staleness: a fact is used for at most STALE_AFTER_MS (60 s) after it was read. Writes made by the
 * same instance forget it at once; an edit made elsewhere (another instance, the console) reaches
 * every instance within 60 s. So for up to a minute after an admin closes a campaign early, edits its
 * categories or moves an org, a warm instance may still accept a suggestion under the old facts.
 * Dates are never stale: whether a campaign is open is judged against the request's clock.
 */
export const STALE_AFTER_MS = 60_000;
/** Enough for every live campaign and org a public function meets; the oldest entries go first. */
const MAX_ENTRIES = 2_000;

const entries = new Map<string, { readAt: number; value: Promise<unknown> }>();

/** The fact under `key`, read by `load` when absent or older than STALE_AFTER_MS; a miss (undefined) is not kept. */
export async function rarelyChanging<T>(key: string, load: () => Promise<T | undefined>, now = Date.now()): Promise<T | undefined> {
  const hit = entries.get(key);
  if (hit && now - hit.readAt < STALE_AFTER_MS) return hit.value as Promise<T | undefined>;
  const value = load();
  entries.delete(key);
  entries.set(key, { readAt: now, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  try {
    const fact = await value;
    if (fact === undefined && entries.get(key)?.value === value) entries.delete(key);
    return fact;
  } catch (err) {
    if (entries.get(key)?.value === value) entries.delete(key);
    throw err;
  }
}

/** Drops a fact this instance has just changed. */
export function forgetRarelyChanging(key: string): void {
  entries.delete(key);
}
