import { randomBytes } from 'node:crypto';
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { ensureTable, localClient } from '../../../scripts/lib/dynamo-local';
import { allItems } from './table';

/**
 * Seeds the demo data once per run into a table of its own, which each test file then copies
 * (`copyTable`): seeding through the stores, one conditional write at a time, took seconds per file.
 * The seed's dates are offsets of days from the run's start, so a file copying it minutes later
 * sees what a seed of its own would show.
 */
export async function seedTemplate(endpoint: string): Promise<string> {
  const tableName = `seed-template-${randomBytes(6).toString('hex')}`;
  await ensureTable(endpoint, tableName);
  // The seed writes where the functions' configuration points; this process is no test file's, so
  // what it sets is put back (the workers and what they start inherit this environment).
  const set = { STAGE: 'test', IS_OFFLINE: 'true', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'cn-northwest-1', LOG_LEVEL: 'ERROR' };
  const saved = Object.fromEntries(Object.keys(set).map((k) => [k, process.env[k]]));
  Object.assign(process.env, set);
  try {
    const { seedDemo } = await import('../../../scripts/seed/index');
    await seedDemo();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return tableName;
}

/** Writes every item of `from` into the (empty) table `to`. */
export async function copyTable(endpoint: string, from: string, to: string): Promise<void> {
  const items = await allItems(endpoint, from);
  const client = localClient(endpoint);
  try {
    const batches: WriteRequest[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })));
    await Promise.all(batches.map(async (batch) => {
      let pending: WriteRequest[] | undefined = batch;
      while (pending?.length) {
        const res: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: pending } }));
        pending = res.UnprocessedItems?.[to];
      }
    }));
  } finally {
    client.destroy();
  }
}
