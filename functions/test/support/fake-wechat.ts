import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's code2session on loopback: `code` values map to openids; any other code
 * gets WeChat's "invalid code" error (40029). Wrong app credentials get 40125.
 */
export async function startFakeWechat(appid: string, secret: string, codes: Record<string, string>) {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(url.pathname);
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname !== '/sns/jscode2session') return void res.writeHead(404).end('{}');
    const p = url.searchParams;
    if (p.get('appid') !== appid || p.get('secret') !== secret) return void res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
    const openid = codes[p.get('js_code') ?? ''];
    if (!openid || p.get('grant_type') !== 'authorization_code') return void res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    res.end(JSON.stringify({ openid, session_key: 'c2Vzc2lvbg==' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}
