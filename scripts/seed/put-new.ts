import { PutCommand, ConditionalCheckFailedException } from '../../functions/src/lib/dynamo';
import { db, table } from '../../functions/src/lib/db';

/** Writes an item unless one with its key exists: seeding twice changes nothing, and never undoes later edits. */
export async function putNew(item: Record<string, unknown>): Promise<boolean> {
  try {
    await db().send(new PutCommand({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}
