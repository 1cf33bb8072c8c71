import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { routes } from '@kaimen/shared';
import { call } from '../api/client';
import { setSession } from '../api/session';
import { useProblem } from '../components/problem';

/** The demo users of the seed data (README, "Sign in"). */
const demoUsers = [
  { openid: 'dev-admin', label: '省厅管理员' },
  { openid: 'dev-city-admin', label: '临江市局管理员' },
  { openid: 'dev-qs-admin', label: '青山市局管理员' },
  { openid: 'dev-secretary', label: '支部书记' },
] as const;

/** Sign-in for development: POST /auth/dev with an openid (the API has it only on local and test). */
export function DevSignIn() {
  const [form] = Form.useForm<{ openid: string }>();
  const [busy, setBusy] = useState(false);
  const problem = useProblem(form);

  const signIn = async (openid: string) => {
    setBusy(true);
    problem.clear();
    try {
      setSession(await call(routes.signInDev, { body: { openid } }));
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dev-sign-in">
      <p className="muted">开发环境：选择演示账号，或填写 openid 登录。</p>
      <Space wrap style={{ marginBottom: 16 }}>
        {demoUsers.map((u) => (
          <Button key={u.openid} data-openid={u.openid} disabled={busy} onClick={() => void signIn(u.openid)}>
            {u.label}
          </Button>
        ))}
      </Space>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" onFinish={(v) => void signIn(v.openid.trim())}>
        <Form.Item name="openid" rules={[{ required: true, message: '请填写 openid' }]}>
          <Input placeholder="openid，如 dev-admin" maxLength={64} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>登录</Button>
        </Form.Item>
      </Form>
    </div>
  );
}
