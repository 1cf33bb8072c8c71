import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { routes, type Org } from '@kaimen/shared';
import { call, errorMessage } from '../api/client';

export interface OrgNode {
  key: string;
  value: string;
  title: string;
  children: OrgNode[];
}

/** The flat org list (parents first) as a tree; orgs whose parent is not listed are roots. */
export function treeOf(items: readonly Org[], label: (o: Org) => string = (o) => o.name): OrgNode[] {
  const nodes = new Map(items.map((o) => [o.id, { key: o.id, value: o.id, title: label(o), children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const o of items) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

interface OrgTreeState {
  items: Org[];
  loading: boolean;
  error: string | null;
}

// One copy of the tree for every picker on screen; reloaded on demand.
let state: OrgTreeState = { items: [], loading: true, error: null };
let pending: Promise<void> | null = null;
const listeners = new Set<(s: OrgTreeState) => void>();

function publish(next: OrgTreeState): void {
  state = next;
  for (const listener of listeners) listener(state);
}

function load(): Promise<void> {
  pending ??= call(routes.orgTree).then(
    (r) => publish({ items: r.items, loading: false, error: null }),
    (err: unknown) => {
      pending = null;
      publish({ ...state, loading: false, error: errorMessage(err) });
    },
  );
  return pending;
}

/** Fetches the tree again (after a change, or after signing in as someone else) and updates every picker. */
export function reloadOrgTree(): Promise<void> {
  pending = null;
  publish({ ...state, loading: true });
  return load();
}

/** Forgets the tree (on sign-out): the next user's is fetched when a picker next shows. */
export function resetOrgTree(): void {
  pending = null;
  state = { items: [], loading: true, error: null };
}

/** The signed-in admin's org and everything under it (GET /admin/org-tree). */
export function useOrgTree(): OrgTreeState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    void load();
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}

interface OrgPickerProps {
  value?: string;
  onChange?: (orgId: string | undefined) => void;
  /** Several organisations at once (value and onChange then carry a string[] through the form). */
  multiple?: boolean;
  placeholder?: string;
  /** Only these kinds may be picked (others stay visible to find them). */
  selectable?: readonly Org['kind'][];
  style?: CSSProperties;
  allowClear?: boolean;
}

/** Picks an organisation from the admin's tree by name: organisations are never typed as codes. */
export function OrgPicker({ value, onChange, placeholder = '选择组织（可输入名称搜索）', selectable, style, allowClear = true, multiple }: OrgPickerProps) {
  const { items, loading } = useOrgTree();
  const treeData = useMemo(() => {
    const kinds = new Map(items.map((o) => [o.id, o.kind]));
    const mark = (nodes: OrgNode[]): unknown[] =>
      nodes.map((n) => ({ ...n, selectable: !selectable || selectable.includes(kinds.get(n.value)!), children: mark(n.children) }));
    return mark(treeOf(items));
  }, [items, selectable]);
  return (
    <TreeSelect
      className="org-picker"
      value={value}
      onChange={(v) => onChange?.(v as string | undefined)}
      multiple={multiple}
      treeData={treeData as never}
      loading={loading}
      placeholder={placeholder}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={items.length <= 60}
      allowClear={allowClear}
      style={style}
      popupMatchSelectWidth={false}
      // A bureau's tree runs to hundreds of orgs: render every match of a search, not only the rows scrolled into view.
      virtual={false}
    />
  );
}
