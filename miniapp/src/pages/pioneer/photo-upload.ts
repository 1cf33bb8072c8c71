import { pioneerRoutes } from '@kaimen/shared/pioneer/routes';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';

const typeOf = (path: string) => (/\.png$/i.test(path) ? 'image/png' : /\.webp$/i.test(path) ? 'image/webp' : 'image/jpeg');

/** Picks a photo, gets a presigned URL (type and size checked) and PUTs the bytes to storage; the key, or null when none was picked. */
export async function pickAndUploadCardPhoto(): Promise<string | null> {
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
  const file = picked?.tempFiles[0];
  if (!file) return null;
  if (process.env.TARO_ENV === 'h5') {
    const blob = (file as unknown as { originalFileObj?: File }).originalFileObj;
    if (!blob) return null;
    const signed = await call(pioneerRoutes.myPostPhotoUpload, { body: { contentType: blob.type, size: blob.size } });
    const res = await fetch(signed.uploadUrl, { method: 'PUT', headers: signed.headers, body: blob });
    if (!res.ok) throw new Error('照片上传失败，请重试');
    return signed.key;
  }
  const data = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
  const signed = await call(pioneerRoutes.myPostPhotoUpload, { body: { contentType: typeOf(file.path), size: data.byteLength } });
  const res = await Taro.request({ url: signed.uploadUrl, method: 'PUT', header: signed.headers, data });
  if (res.statusCode !== 200) throw new Error('照片上传失败，请重试');
  return signed.key;
}
