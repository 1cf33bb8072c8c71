import { authRoutes } from '@kaimen/shared/auth/routes';
import { orgRoutes } from '@kaimen/shared/org/routes';
import { useState } from 'react';

import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';

type Member = Awaited<ReturnType<typeof call<typeof orgRoutes.listMembers>>>['items'][number];
type Code = { memberId: string; name: string; bindingCode: string; expiresAt: string };

/** The branch's roster (phones masked by the server), who has not bound, and binding codes one by one or for all. */
export function useBranchRoster(branchId: string | null) {
  const [onlyUnbound, setOnlyUnbound] = useState(false);
  const members = useLoad(async () => {
    const out: Member[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(orgRoutes.listMembers, { params: { orgId: branchId! }, query: { limit: '100', ...(cursor ? { cursor } : {}) } });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }, [branchId], branchId !== null);
  const [codes, setCodes] = useState<Code[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<Code[]>) => {
    setBusy(true);
    setError(null);
    try {
      setCodes(await work());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const codeFor = (m: Member) => run(async () => {
    const c = await call(authRoutes.issueBindingCode, { params: { memberId: m.id } });
    return [{ memberId: m.id, name: m.name, bindingCode: c.bindingCode, expiresAt: c.expiresAt }];
  });
  const codesForAll = () => run(async () => (await call(orgRoutes.bindingSheet, { params: { orgId: branchId! } })).items);

  const all = members.data ?? [];
  return {
    members, all, shown: onlyUnbound ? all.filter((m) => !m.bound) : all, unboundCount: all.filter((m) => !m.bound).length,
    onlyUnbound, setOnlyUnbound, codes, codeFor, codesForAll, busy, error,
  };
}
