import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '../lib/config';

let client: S3Client | undefined;

/** The photo bucket's client: AWS S3 when deployed, a local S3-compatible store (s3rver) when S3_ENDPOINT is set. */
export function s3(): S3Client {
  if (client) return client;
  const endpoint = process.env.S3_ENDPOINT || undefined;
  client = new S3Client({
    region: config().region,
    ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  });
  return client;
}

export function photoBucket(): string {
  return process.env.PHOTO_BUCKET || `kaimen-${config().stage}-photos`;
}

const UPLOAD_SECONDS = 600;
const VIEW_SECONDS = 3600;

/** A presigned PUT that only accepts this content type and exact length. */
export async function presignUpload(key: string, contentType: string, size: number): Promise<{ uploadUrl: string; headers: Record<string, string> }> {
  const uploadUrl = await getSignedUrl(s3(), new PutObjectCommand({ Bucket: photoBucket(), Key: key, ContentType: contentType, ContentLength: size }), {
    expiresIn: UPLOAD_SECONDS, signableHeaders: new Set(['content-type', 'content-length']),
  });
  return { uploadUrl, headers: { 'Content-Type': contentType } };
}

export async function presignView(key: string): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: photoBucket(), Key: key }), { expiresIn: VIEW_SECONDS });
}

/** The bytes of an uploaded object (evidence is checked against what its upload claimed), or null when nothing was uploaded. */
export async function readObject(key: string): Promise<Buffer | null> {
  try {
    const res = await s3().send(new GetObjectCommand({ Bucket: photoBucket(), Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'NoSuchKey' || name === 'NotFound') return null;
    throw err;
  }
}
