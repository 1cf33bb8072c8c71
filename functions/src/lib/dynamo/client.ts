import type { DynamoCommand } from './commands';
import { serviceError } from './errors';
import { post, type HttpResponse } from './http';
import { backoffMs, MAX_ATTEMPTS, retryKind } from './retry';
import { signV4, type Credentials } from './sign';

export interface DynamoClientOptions {
  region: string;
  /** DynamoDB Local's URL; the region's public endpoint when unset. */
  endpoint?: string;
  credentials: () => Credentials;
  /** What the caller sees instead of an error (after the retries): e.g. a 400 for a refused cursor. */
  refineError?: (error: unknown, command: DynamoCommand<object, unknown>) => unknown;
}

/** Sees each command once as it is sent (retries not counted): how benches count round trips. */
export type RequestListener = (request: { operation: string; input: object }) => void;

export function regionEndpoint(region: string): string {
  return `https://dynamodb.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

// Binary attributes travel as base64 in DynamoDB JSON (the SDK does the same both ways).
function binaryToBase64(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return ArrayBuffer.isView(raw) ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}
function base64ToBinary(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  if (key === 'BS' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v: string) => new Uint8Array(Buffer.from(v, 'base64')));
  return value;
}
const mayHoldBinary = (body: string) => body.includes('"B":') || body.includes('"BS":');

/** DynamoDB over its JSON 1.0 protocol, signed with SigV4, with the SDK's retry rules. */
export class DynamoClient {
  private readonly url: URL;
  private readonly listeners: RequestListener[] = [];

  constructor(private readonly options: DynamoClientOptions) {
    this.url = new URL(options.endpoint ?? regionEndpoint(options.region));
  }

  onRequest(listener: RequestListener): void {
    this.listeners.push(listener);
  }

  async send<Output>(command: DynamoCommand<object, Output>): Promise<Output> {
    for (const listener of this.listeners) listener({ operation: command.operation, input: command.input });
    try {
      return await this.attempt(command);
    } catch (error) {
      throw this.options.refineError ? this.options.refineError(error, command) : error;
    }
  }

  private async attempt<Output>(command: DynamoCommand<object, Output>): Promise<Output> {
    const body = JSON.stringify(command.wireInput(), binaryToBase64);
    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt++) {
      let res: HttpResponse | undefined;
      let error: unknown;
      try {
        res = await post(this.url, this.sign(command.operation, body), body);
        if (res.status < 300) {
          const output = res.body ? JSON.parse(res.body, mayHoldBinary(res.body) ? base64ToBinary : undefined) : {};
          const $metadata = { httpStatusCode: res.status, requestId: res.headers['x-amzn-requestid'], attempts: attempt, totalRetryDelay };
          return { ...command.fromWireOutput(output) as object, $metadata } as Output;
        }
        error = serviceError(res, { attempts: attempt, totalRetryDelay });
      } catch (err) {
        error = err; // the network: refused, reset, …
      }
      const kind = retryKind(error);
      if (!kind || attempt >= MAX_ATTEMPTS) throw error;
      const delay = backoffMs(kind, attempt - 1);
      totalRetryDelay += delay;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private sign(operation: string, body: string): Record<string, string> {
    return signV4({
      method: 'POST',
      path: '/',
      headers: { host: this.url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
      body,
      region: this.options.region,
      service: 'dynamodb',
      credentials: this.options.credentials(),
      now: new Date(),
    });
  }
}
