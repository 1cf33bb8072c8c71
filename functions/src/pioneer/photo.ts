import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { imageTypeOf, type CardPhotoType } from '@kaimen/shared';
import { photoBucket, s3 } from '../orglife/photos';

const HEAD_BYTES = 16;

/**
 * The type of an uploaded photo by its first bytes (one ranged read), `missing` when nothing was
 * uploaded under the key, `null` when the bytes are not a JPEG, PNG or WebP whatever the upload claimed.
 */
export async function uploadedImageType(key: string): Promise<CardPhotoType | null | 'missing'> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: photoBucket(), Key: key, Range: `bytes=0-${HEAD_BYTES - 1}` }));
    const head = await out.Body!.transformToByteArray();
    return imageTypeOf(head.slice(0, HEAD_BYTES));
  } catch (err) {
    if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return 'missing';
    throw err;
  }
}
