import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: string;
}

export interface FakeWechatOptions {
  /** Template ids the app has; any other gets 40037. */
  templateIds?: string[];
  /** Accepted sends per second; more within the same second get 45011 (WeChat's frequency limit). */
  ratePerSecond?: number;
  tokenTtlSeconds?: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The reason a subscription message is malformed (WeChat answers 47003), or null. */
function payloadProblem(m: Partial<SentMessage>): string | null {
  if (typeof m.touser !== 'string' || !m.touser) return 'touser';
  if (typeof m.template_id !== 'string') return 'template_id';
  if (typeof m.page !== 'string' || m.page.startsWith('/')) return 'page';
  if (!['developer', 'trial', 'formal'].includes(m.miniprogram_state ?? '')) return 'miniprogram_state';
  if (m.lang !== 'zh_CN') return 'lang';
  if (!m.data || typeof m.data !== 'object' || Object.keys(m.data).length === 0) return 'data';
  for (const [k, v] of Object.entries(m.data)) {
    if (!v || typeof v.value !== 'string' || v.value.length === 0) return `data.${k}`;
    if (k.startsWith('thing') && [...v.value].length > 20) return `data.${k} too long`;
    if (k.startsWith('time') && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v.value)) return `data.${k} format`;
  }
  return null;
}

/**
 * A stand-in for WeChat on loopback: `code2session` (codes map to openids; unknown codes get 40029,
 * wrong app credentials 40125), `stable_token` (counts requests), and `subscribeMessage.send`, which
 * checks the access token (40001), the template id (40037), the payload's shape (47003), the user's
 * subscription (43101) and its rate limit (45011). Faults can be switched on: down (HTTP 503), slow,
 * a token expired mid-batch.
 */
export async function startFakeWechat(appid: string, secret: string, codes: Record<string, string>, opts: FakeWechatOptions = {}) {
  const calls: string[] = [];
  const sent: SentMessage[] = [];
  const rejected: { errcode: number; touser?: string; why?: string }[] = [];
  const state = {
    tokenRequests: 0,
    token: '',
    tokenSerial: 0,
    /** Openids that revoked or used up their subscription. */
    unsubscribed: new Set<string>(),
    /** Answer every send with HTTP 503. */
    down: false,
    /** Delay every send by this many ms. */
    slowMs: 0,
    /** Called on each accepted send (tests use it to kill a sender half way). */
    onSent: undefined as ((count: number) => void) | undefined,
  };
  let windowStart = 0;
  let inWindow = 0;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(url.pathname);
    res.setHeader('Content-Type', 'application/json');
    const answer = (body: object) => void res.end(JSON.stringify(body));

    if (url.pathname === '/sns/jscode2session') {
      const p = url.searchParams;
      if (p.get('appid') !== appid || p.get('secret') !== secret) return answer({ errcode: 40125, errmsg: 'invalid appsecret' });
      const openid = codes[p.get('js_code') ?? ''];
      if (!openid || p.get('grant_type') !== 'authorization_code') return answer({ errcode: 40029, errmsg: 'invalid code' });
      return answer({ openid, session_key: 'c2Vzc2lvbg==' });
    }

    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      state.tokenRequests += 1;
      const body = JSON.parse(await readBody(req)) as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean };
      if (body.grant_type !== 'client_credential') return answer({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.appid !== appid || body.secret !== secret) return answer({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (!state.token || body.force_refresh) state.token = `fake-token-${++state.tokenSerial}`;
      return answer({ access_token: state.token, expires_in: opts.tokenTtlSeconds ?? 7200 });
    }

    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const raw = await readBody(req);
      if (state.slowMs) await new Promise((r) => setTimeout(r, state.slowMs));
      if (state.down) return void res.writeHead(503).end('{}');
      const reject = (errcode: number, errmsg: string, touser?: string, why?: string) => {
        rejected.push({ errcode, ...(touser ? { touser } : {}), ...(why ? { why } : {}) });
        answer({ errcode, errmsg });
      };
      if (!state.token || url.searchParams.get('access_token') !== state.token) return reject(40001, 'invalid credential, access_token is invalid or not latest');
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        inWindow = 0;
      }
      if (opts.ratePerSecond && inWindow >= opts.ratePerSecond) return reject(45011, 'api minute-quota reach limit mustslower retry next minute');
      inWindow += 1;
      let m: Partial<SentMessage>;
      try {
        m = JSON.parse(raw) as Partial<SentMessage>;
      } catch {
        return reject(47001, 'data format error');
      }
      const problem = payloadProblem(m);
      if (problem) return reject(47003, `argument invalid! ${problem}`, m.touser, problem);
      if (opts.templateIds && !opts.templateIds.includes(m.template_id!)) return reject(40037, 'invalid template id', m.touser);
      if (state.unsubscribed.has(m.touser!)) return reject(43101, 'user refuse to accept the msg', m.touser);
      sent.push(m as SentMessage);
      state.onSent?.(sent.length);
      return answer({ errcode: 0, errmsg: 'ok' });
    }
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sent,
    rejected,
    state,
    /** WeChat invalidates the current token (another app server forced a refresh): the next send gets 40001. */
    expireToken: () => {
      state.token = `fake-token-${++state.tokenSerial}-unseen`;
    },
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
