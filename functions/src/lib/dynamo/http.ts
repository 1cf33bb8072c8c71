import type { Agent, IncomingHttpHeaders } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

// Node's own http(s) with a keep-alive agent: global fetch (undici) costs ~100 ms more on its first call
// in Node 20. The module loads on the first request rather than at import, and as a plain module: an
// ES module import() of node:http also loads undici on Node 22 (~40 ms, for its WebSocket export).
type Transport = { request: typeof import('node:https').request; agent: Agent };
const transports = new Map<string, Transport>();

function transport(protocol: string): Transport {
  let t = transports.get(protocol);
  if (!t) {
    const mod = process.getBuiltinModule(protocol === 'http:' ? 'node:http' : 'node:https');
    t = { request: mod.request as Transport['request'], agent: new mod.Agent({ keepAlive: true, maxSockets: 50 }) };
    transports.set(protocol, t);
  }
  return t;
}

export async function post(url: URL, headers: Record<string, string>, body: string): Promise<HttpResponse> {
  const { request, agent } = transport(url.protocol);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
