// The new client against the AWS SDK's document client it replaces, on a loopback server that records
// what each sends and answers both alike: the same wire request, the same results, the same errors.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as sdk from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ours from './index';
import { signV4 } from './sign';

interface Seen { target: string; body: unknown; headers: IncomingHttpHeaders; raw: string }
let server: Server;
let endpoint: string;
let seen: Seen[] = [];
let answers: { status: number; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      seen.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(raw), headers: req.headers, raw });
      const answer = answers.shift() ?? { status: 200, body: {} };
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'REQ' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new ours.DynamoClient({ region, endpoint, credentials: () => credentials });
  reference = sdk.DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region, credentials, maxAttempts: 1 }), {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
});
afterAll(() => {
  reference.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'cn-northwest-1';
let reference: sdk.DynamoDBDocumentClient;
let client: ours.DynamoClient;

/** Sends one command through both clients with the same answer; what each sent and got back (or threw). */
async function both(name: keyof typeof ours & keyof typeof sdk, input: object, answer: { status: number; body: unknown }) {
  const run = async (send: () => Promise<unknown>) => {
    seen = [];
    answers = [answer];
    let result: unknown;
    let error: unknown;
    try { result = await send(); } catch (err) { error = err; }
    const { $metadata: _, ...output } = (result ?? {}) as Record<string, unknown>;
    return { sent: seen[0]!, output, error: error as (Error & Record<string, unknown>) | undefined };
  };
  const Theirs = sdk[name] as unknown as new (input: object) => Parameters<typeof reference.send>[0];
  const Ours = ours[name] as new (input: object) => ours.GetCommand;
  const theirs = await run(() => reference.send(new Theirs(structuredClone(input))));
  const mine = await run(() => client.send(new Ours(structuredClone(input))));
  return { theirs, mine };
}

// Plain values as handlers write them: strings (empty too), numbers, booleans, null, undefined,
// nested lists and maps, string sets and binary.
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.uint8Array({ minLength: 1, maxLength: 8 }),
    fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
}));
const item = fc.record({ pk: fc.string({ minLength: 1 }), sk: fc.string({ minLength: 1 }) }).chain((key) =>
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'pk' && k !== 'sk'), value, { maxKeys: 6 }).map((rest) => ({ ...key, ...rest })));
const wireItem = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true });

// A transaction's idempotency token is random on both sides; that each sends one is checked below.
const withoutToken = (body: unknown) => ({ ...(body as object), ClientRequestToken: undefined });

describe('DynamoClient against the SDK document client', () => {
  it('sends the same request and returns the same item for Put, Get, Update and Delete', async () => {
    await fc.assert(fc.asyncProperty(item, value, async (it, v) => {
      const key = { pk: it.pk, sk: it.sk };
      const cases: [keyof typeof ours & keyof typeof sdk, object, unknown][] = [
        ['PutCommand', { TableName: 't', Item: it, ConditionExpression: 'attribute_not_exists(pk) OR #v = :v', ExpressionAttributeNames: { '#v': 'v' }, ExpressionAttributeValues: { ':v': v } }, {}],
        ['GetCommand', { TableName: 't', Key: key, ConsistentRead: true }, { Item: wireItem(it) }],
        ['UpdateCommand', { TableName: 't', Key: key, UpdateExpression: 'SET #v = :v', ExpressionAttributeNames: { '#v': 'v' }, ExpressionAttributeValues: { ':v': v, ':u': undefined }, ReturnValues: 'ALL_NEW' }, { Attributes: wireItem(it) }],
        ['DeleteCommand', { TableName: 't', Key: key, ReturnValues: 'ALL_OLD' }, { Attributes: wireItem(it) }],
      ];
      for (const [name, input, body] of cases) {
        const { theirs, mine } = await both(name, input, { status: 200, body });
        expect(mine.sent.target).toBe(theirs.sent.target);
        expect(mine.sent.body).toEqual(theirs.sent.body);
        expect(mine.error).toBeUndefined();
        expect(mine.output).toEqual(theirs.output);
      }
    }), { numRuns: 30 });
  }, 60_000);

  it('does the same for Query pages, batches and transactions', async () => {
    await fc.assert(fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 5 }), async (items) => {
      const keys = items.map(({ pk, sk }) => ({ pk, sk }));
      const cases: [keyof typeof ours & keyof typeof sdk, object, unknown][] = [
        ['QueryCommand', { TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys[0]!.pk }, ExclusiveStartKey: keys[0], Limit: 5 },
          { Items: items.map(wireItem), Count: items.length, ScannedCount: items.length, LastEvaluatedKey: wireItem(keys.at(-1)!) }],
        ['ScanCommand', { TableName: 't' }, { Items: items.map(wireItem), Count: items.length }],
        ['BatchGetCommand', { RequestItems: { t: { Keys: keys, ConsistentRead: true } } },
          { Responses: { t: items.map(wireItem) }, UnprocessedKeys: { t: { Keys: keys.map(wireItem) } } }],
        ['BatchWriteCommand', { RequestItems: { t: items.map((Item, i) => (i % 2 ? { PutRequest: { Item } } : { DeleteRequest: { Key: keys[i] } })) } },
          { UnprocessedItems: { t: items.map((Item) => ({ PutRequest: { Item: wireItem(Item) } })) } }],
        ['TransactWriteCommand', { TransactItems: items.map((Item, i) => [
          { Put: { TableName: 't', Item, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Update: { TableName: 't', Key: keys[i], UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } } },
          { Delete: { TableName: 't', Key: keys[i] } },
          { ConditionCheck: { TableName: 't', Key: keys[i], ConditionExpression: 'n < :max', ExpressionAttributeValues: { ':max': 9 } } },
        ][i % 4]) }, {}],
        ['TransactGetCommand', { TransactItems: keys.map((Key) => ({ Get: { TableName: 't', Key } })) }, { Responses: items.map((i) => ({ Item: wireItem(i) })) }],
      ];
      for (const [name, input, body] of cases) {
        const { theirs, mine } = await both(name, input, { status: 200, body });
        expect(mine.sent.target).toBe(theirs.sent.target);
        expect(withoutToken(mine.sent.body)).toEqual(withoutToken(theirs.sent.body));
        expect(mine.error).toBeUndefined();
        expect(mine.output).toEqual(theirs.output);
      }
    }), { numRuns: 20 });
  }, 60_000);

  it('gives each transaction an idempotency token as the SDK does, kept across retries, unless the caller gave one', async () => {
    const input = { TransactItems: [{ Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } }] };
    seen = [];
    answers = [{ status: 500, body: { __type: 'x#InternalServerError', message: 'oops' } }, { status: 200, body: {} }];
    await client.send(new ours.TransactWriteCommand(input));
    const tokens = seen.map((s) => (s.body as { ClientRequestToken?: string }).ClientRequestToken);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens).toEqual([tokens[0], tokens[0]]);
    seen = [];
    await client.send(new ours.TransactWriteCommand({ ...input, ClientRequestToken: 'mine' }));
    expect((seen[0]!.body as { ClientRequestToken?: string }).ClientRequestToken).toBe('mine');
  });

  it('throws what the SDK throws: a class of the same name, and its fields', async () => {
    const errors = [
      { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' },
      { __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException', Message: 'Transaction cancelled [None, ConditionalCheckFailed]',
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'a' }, n: { N: '2' } } }] },
      { __type: 'com.amazon.coral.validate#ValidationException', message: 'The provided starting key is invalid' },
      { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' },
    ];
    for (const body of errors) {
      const { theirs, mine } = await both('GetCommand', { TableName: 't', Key: { pk: 'a', sk: 'b' } }, { status: 400, body });
      expect(mine.error).toBeDefined();
      expect(mine.error).toBeInstanceOf(ours.DynamoDBServiceException);
      expect(mine.error!.constructor.name).toBe(theirs.error!.constructor.name);
      for (const field of ['name', 'message', '$fault', 'CancellationReasons', 'Item', 'Message'] as const) expect(mine.error![field]).toEqual(theirs.error![field]);
      expect((mine.error!.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
    }
  });

  it('signs exactly as the SDK signs the same headers', async () => {
    await both('GetCommand', { TableName: 't', Key: { pk: 'a', sk: 'b' } }, { status: 200, body: {} });
    const { theirs } = await both('GetCommand', { TableName: 't', Key: { pk: 'a', sk: 'b' } }, { status: 200, body: {} });
    const h = theirs.sent.headers;
    const auth = String(h.authorization);
    const names = auth.match(/SignedHeaders=([^,]+)/)![1]!.split(';').filter((n) => n !== 'x-amz-date');
    const d = String(h['x-amz-date']);
    const now = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
    const headers = Object.fromEntries(names.map((n) => [n, String(h[n])]));
    expect(signV4({ method: 'POST', path: '/', headers, body: theirs.sent.raw, region, service: 'dynamodb', credentials, now }).authorization).toBe(auth);
  });
});

describe('DynamoClient retries', () => {
  const get = () => client.send(new ours.GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));

  it('retries a 5xx and a throttle, and says how many attempts it took', async () => {
    seen = [];
    answers = [{ status: 503, body: { __type: 'x#ServiceUnavailable', message: 'busy' } }, { status: 200, body: { Item: { pk: { S: 'a' } } } }];
    const res = await get();
    expect(res.Item).toEqual({ pk: 'a' });
    expect(res.$metadata.attempts).toBe(2);
    seen = [];
    answers = [{ status: 400, body: { __type: 'x#ProvisionedThroughputExceededException', message: 'slow down' } }, { status: 200, body: {} }];
    expect((await get()).$metadata.attempts).toBe(2);
  });

  it('gives up after 4 attempts in all', async () => {
    seen = [];
    answers = Array.from({ length: 5 }, () => ({ status: 500, body: { __type: 'x#InternalServerError', message: 'oops' } }));
    await expect(get()).rejects.toMatchObject({ name: 'InternalServerError', $metadata: { attempts: 4 } });
    expect(seen).toHaveLength(4);
  });

  it('never retries a failed condition, a cancelled transaction or a validation error', async () => {
    for (const type of ['ConditionalCheckFailedException', 'TransactionCanceledException', 'ValidationException']) {
      seen = [];
      answers = [{ status: 400, body: { __type: `x#${type}`, message: 'no' } }, { status: 200, body: {} }];
      await expect(get()).rejects.toMatchObject({ name: type });
      expect(seen).toHaveLength(1);
    }
  });

  it('tells each listener once per command, retries aside', async () => {
    const heard: string[] = [];
    const listening = new ours.DynamoClient({ region, endpoint, credentials: () => credentials });
    listening.onRequest(({ operation }) => heard.push(operation));
    answers = [{ status: 503, body: {} }, { status: 200, body: {} }];
    await listening.send(new ours.PutCommand({ TableName: 't', Item: { pk: 'a' } }));
    expect(heard).toEqual(['PutItem']);
  });
});
