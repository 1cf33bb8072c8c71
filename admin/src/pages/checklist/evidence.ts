import { routes } from '@kaimen/shared';
import { call } from '../../api/client';

/** Declares a file, puts its bytes to the presigned address; the API checks the bytes when the note is saved. */
export async function uploadEvidence(itemId: string, file: File): Promise<string> {
  const contentType = file.type || 'application/octet-stream';
  const signed = await call(routes.checklistEvidenceUpload, { params: { itemId }, body: { fileName: file.name, contentType, size: file.size } });
  const put = await fetch(signed.uploadUrl, { method: 'PUT', headers: signed.headers, body: file });
  if (!put.ok) throw new Error(`“${file.name}”上传失败（${put.status}），请重试`);
  return signed.evidenceId;
}
