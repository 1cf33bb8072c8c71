import * as z from 'zod/mini';

/** province → city → county bureaus → institutions → branches (组织树). */
export const orgKinds = ['province', 'city', 'county', 'institution', 'branch'] as const;
export const orgKind = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKind>;

export const org = z.object({
  id: z.string(),
  name: z.string(),
  kind: orgKind,
  parentId: z.nullable(z.string()),
  path: z.string(),
});
export type Org = z.infer<typeof org>;

/** The materialised path of an org: its ancestors' ids and its own, slash-delimited, e.g. `/gd/gz/th/`. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` is the org at `scopePath` or lies anywhere under it. */
export function isWithin(path: string, scopePath: string): boolean {
  return scopePath.length > 0 && path.startsWith(scopePath);
}

const allowedChildKind: Record<OrgKind, OrgKind | null> = {
  province: 'city',
  city: 'county',
  county: 'institution',
  institution: 'branch',
  branch: null,
};

/** Cities sit under the province, counties under cities, and so on; a bureau may also hold institutions directly. */
export function mayContain(parent: OrgKind, child: OrgKind): boolean {
  if (allowedChildKind[parent] === child) return true;
  return (parent === 'city' || parent === 'province') && child === 'institution';
}

/** How org kinds read in the UI. */
export const orgKindLabels: Record<OrgKind, string> = {
  province: '省级',
  city: '市级',
  county: '县（区）级',
  institution: '机构',
  branch: '党支部',
};
