import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';

const typeOf = (path: string) => (/\.png$/i.test(path) ? 'image/png' : /\.webp$/i.test(path) ? 'image/webp' : 'image/jpeg');

/** Picks one photo, asks the API for a presigned URL (it checks type and size), and PUTs the bytes straight to storage. */
export async function pickAndUploadPhoto(meetingId: string): Promise<boolean> {
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
  const file = picked?.tempFiles[0];
  if (!file) return false;
  if (process.env.TARO_ENV === 'h5') {
    const blob = (file as unknown as { originalFileObj?: File }).originalFileObj;
    if (!blob) return false;
    const signed = await call(orglifeRoutes.meetingPhotoUpload, { params: { meetingId }, body: { contentType: blob.type, size: blob.size } });
    const res = await fetch(signed.uploadUrl, { method: 'PUT', headers: signed.headers, body: blob });
    if (!res.ok) throw new Error('照片上传失败，请重试');
    return true;
  }
  const data = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
  const signed = await call(orglifeRoutes.meetingPhotoUpload, { params: { meetingId }, body: { contentType: typeOf(file.path), size: data.byteLength } });
  const res = await Taro.request({ url: signed.uploadUrl, method: 'PUT', header: signed.headers, data });
  if (res.statusCode !== 200) throw new Error('照片上传失败，请重试');
  return true;
}
