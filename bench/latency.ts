// p50/p99 of GET /campaigns through serverless-offline against calling the handler in-process.
import { startBenchStack } from './lib/stack';
import { median, ms, percentile } from './lib/stats';
import { lambdaContext, toEvent } from '../scripts/lib/lambda-http';

const N = 500;
const stack = await startBenchStack();
try {
  const offline: number[] = [];
  for (let i = 0; i < 20; i++) await (await fetch(`${stack.url}/campaigns?status=open`)).text(); // warm
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const res = await fetch(`${stack.url}/campaigns?status=open`);
    await res.text();
    if (res.status !== 200) throw new Error(`GET /campaigns answered ${res.status}`);
    offline.push(performance.now() - t);
  }

  const { handler } = await import('../functions/src/feedback/index');
  const url = new URL('http://127.0.0.1/campaigns?status=open');
  const inProcess: number[] = [];
  for (let i = 0; i < 20; i++) await handler(toEvent('GET', url, {}, Buffer.alloc(0), '127.0.0.1'), lambdaContext('feedback'));
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const res = await handler(toEvent('GET', url, {}, Buffer.alloc(0), '127.0.0.1'), lambdaContext('feedback'));
    if (res.statusCode !== 200) throw new Error(`handler answered ${res.statusCode}`);
    inProcess.push(performance.now() - t);
  }

  console.log(`## Latency of GET /campaigns

${N} sequential requests after 20 warm-up ones, DynamoDB Local in memory, demo data.

| path | p50 | p99 |
| --- | ---: | ---: |
| HTTP → serverless-offline → handler | ${ms(median(offline))} | ${ms(percentile(offline, 99))} |
| handler called in-process | ${ms(median(inProcess))} | ${ms(percentile(inProcess, 99))} |
`);
} finally {
  await stack.stop();
}
