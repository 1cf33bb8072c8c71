import { Divider } from 'antd';
import { DevSignIn } from './DevSignIn';
import { QrSignIn } from './QrSignIn';

/** Every way into the console: the WeChat QR, and (local and test only, refused elsewhere) the dev picker. */
export function SignInPanel() {
  return (
    <>
      <QrSignIn />
      <Divider plain>开发与测试环境</Divider>
      <DevSignIn />
    </>
  );
}
