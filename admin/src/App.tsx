import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Card, Result, Spin } from 'antd';
import { allows, type Session } from '@kaimen/shared';
import { SignInPanel } from './auth/SignInPanel';
import { useSession } from './auth/useSession';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { features } from './pages';

const pages = features.flatMap((f) => f.routes.map((r) => ({ feature: f, route: r, Page: lazy(r.load) })));

function SignInPage() {
  return (
    <div className="sign-in-page">
      <Card title="开门 · 管理后台" className="sign-in-card">
        <SignInPanel />
      </Card>
    </div>
  );
}

export function App() {
  const session = useSession();
  // Kept while the session has lapsed, so the layout and the page stay mounted under the sign-in dialog.
  const [last, setLast] = useState<Session | null>(session);
  if (session && session !== last) setLast(session);
  const current = session ?? last;

  if (!current) return <SignInPage />;
  if (!allows('secretary', current.user.roles, true)) {
    return (
      <Result status="403" title="没有权限" subTitle="管理后台仅供单位管理员和支部书记使用。"
        extra={<SignInPanel />} />
    );
  }
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<ConsoleLayout lastSession={current} />}>
          {pages.filter((p) => allows(p.feature.access, current.user.roles, true)).map(({ route, Page }) => (
            <Route key={route.path} path={route.path === '' ? undefined : route.path} index={route.path === ''}
              element={<Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}><Page /></Suspense>} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
