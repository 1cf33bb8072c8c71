import { defaultCategories } from './categories';
import type { Category } from './campaign';

/** Categories as the clerk edits them: one label per line. */
export function categoriesToLines(categories: readonly Category[]): string {
  return categories.map((c) => c.label).join('\n');
}

/**
 * Labels typed one per line back into categories. A label keeps the key it already had in the
 * campaign (suggestions refer to keys), a default label gets its default key, and a new label gets
 * the next free `custom_<n>` key. Blank and repeated lines are dropped.
 */
export function linesToCategories(text: string, existing: readonly Category[] = []): Category[] {
  const known = new Map<string, string>();
  for (const c of defaultCategories) known.set(c.label, c.key);
  for (const c of existing) known.set(c.label, c.key);
  const labels = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
  const used = new Set(labels.map((l) => known.get(l)).filter((k): k is string => !!k));
  for (const c of existing) used.add(c.key);
  let n = 1;
  return labels.map((label) => {
    let key = known.get(label);
    if (!key) {
      while (used.has(`custom_${n}`)) n++;
      key = `custom_${n}`;
      used.add(key);
    }
    return { key, label };
  });
}

export function isDefaultSet(categories: readonly Category[]): boolean {
  return categories.length === defaultCategories.length && categories.every((c, i) => c.key === defaultCategories[i]!.key && c.label === defaultCategories[i]!.label);
}
