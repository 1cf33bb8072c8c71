import { GetCommand, PutCommand } from '../lib/dynamo';
import { declaredEvidenceProblem, evidenceBytesProblem, evidenceKinds, type AdminItem, type EvidenceType } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import { HttpProblem, validationFailed } from '../lib/problem';
import type { ChecklistItemRecord, StoredEvidence } from './store';

/**
 * Evidence (佐证材料) of a progress note: the phone or PC declares a file and gets a presigned PUT for
 * exactly that type and length; when the note is saved, the bytes in the bucket are read and must be
 * what the upload claimed (magic numbers), or the note is refused and nothing is written.
 */
export async function startEvidenceUpload(item: ChecklistItemRecord, body: { fileName: string; contentType: string; size: number }, by: string, now: Date) {
  const problem = declaredEvidenceProblem(body.fileName, body.contentType, body.size);
  if (problem) {
    if (problem.path === 'size') throw new HttpProblem('PAYLOAD_TOO_LARGE', problem.message, [problem]);
    throw validationFailed(problem.message, [problem]);
  }
  const id = newId(now.getTime());
  const ext = evidenceKinds[body.contentType as EvidenceType].extensions[0];
  const key = `evidence/${item.id}/${id}.${ext}`;
  const { presignUpload } = await import('../orglife/photos');
  const signed = await presignUpload(key, body.contentType, body.size);
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.itemEvidence(item.id, id), type: 'itemEvidence', id, itemId: item.id, name: body.fileName, contentType: body.contentType, size: body.size, key, by, createdAt: now.toISOString() },
  }));
  return { evidenceId: id, uploadUrl: signed.uploadUrl, headers: signed.headers };
}

/** The declared uploads named, each checked against its bytes; throws (Chinese, per file) when one is missing or not what it claims. */
export async function verifiedEvidence(itemId: string, ids: string[]): Promise<StoredEvidence[]> {
  const { readObject } = await import('../orglife/photos');
  const out: StoredEvidence[] = [];
  for (const [i, id] of [...new Set(ids)].entries()) {
    const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.itemEvidence(itemId, id), ConsistentRead: true }));
    const path = `evidenceIds.${i}`;
    if (!Item) throw validationFailed('佐证材料不存在，请重新上传', [{ path, message: '这个文件不属于该整改事项' }]);
    const bytes = await readObject(Item.key as string);
    if (!bytes) throw validationFailed(`“${Item.name as string}”尚未上传完成，请重新上传`, [{ path, message: '文件尚未上传' }]);
    const wrong = evidenceBytesProblem(Item.contentType as string, bytes, Item.size as number);
    if (wrong) throw validationFailed(`“${Item.name as string}”${wrong}`, [{ path, message: wrong }]);
    out.push({ id, name: Item.name as string, contentType: Item.contentType as string, size: Item.size as number, key: Item.key as string });
  }
  return out;
}

/** The admin view with each note's evidence as links valid for an hour. */
export async function withEvidenceLinks(view: AdminItem, r: ChecklistItemRecord): Promise<AdminItem> {
  if (!r.notes.some((n) => n.evidence?.length)) return view;
  const { presignView } = await import('../orglife/photos');
  const notes = await Promise.all(r.notes.map(async (n, i) => ({
    ...view.notes[i]!,
    ...(n.evidence?.length
      ? { evidence: await Promise.all(n.evidence.map(async (e) => ({ id: e.id, name: e.name, contentType: e.contentType, size: e.size, url: await presignView(e.key) }))) }
      : {}),
  })));
  return { ...view, notes };
}
