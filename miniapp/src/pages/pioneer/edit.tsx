import { pioneerRoutes } from '@kaimen/shared/pioneer/routes';
import { useEffect, useState } from 'react';
import { Image, Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { postKindLabels, postKinds, postStatusLabels, type PostKind } from '@kaimen/shared';
import { call } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { ChoiceChips } from '../feedback/ChoiceChips';
import { LoadState } from '../orglife/LoadState';
import { pickAndUploadCardPhoto } from './photo-upload';
import './pioneer.scss';

/** Per-field messages of a refused save (the first message of each field). */
function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) for (const e of err.problem.errors ?? []) out[e.path] ??= e.message;
  return out;
}

/** 我的 › 亮身份 · 亮承诺: the member's own card; the branch secretary reviews it before the public sees it. */
export default function PioneerEditPage() {
  const session = useRequireSession();
  const mine = useLoad(() => call(pioneerRoutes.getMyPost), [], !!session);
  const post = mine.data?.post ?? null;
  const [kind, setKind] = useState<PostKind>('pioneer_post');
  const [window, setWindow] = useState('');
  const [pledge, setPledge] = useState('');
  const [services, setServices] = useState('');
  const [photoKey, setPhotoKey] = useState<string | undefined>();
  const [photoPreview, setPhotoPreview] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!post) return;
    setKind(post.kind);
    setWindow(post.window);
    setPledge(post.pledge);
    setServices(post.services.join('\n'));
    setPhotoPreview(post.photoUrl);
  }, [post]);

  const pickPhoto = async () => {
    setMessage(null);
    try {
      const key = await pickAndUploadCardPhoto();
      if (key) {
        setPhotoKey(key);
        setPhotoPreview(null);
        setMessage('照片已上传，保存后生效');
      }
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const list = services.split(/\n|、|；|;/).map((s) => s.trim()).filter(Boolean);
      await call(pioneerRoutes.saveMyPost, { body: { kind, window, pledge, services: list, ...(photoKey ? { photoKey } : {}) } });
      setPhotoKey(undefined);
      await mine.reload();
      setMessage('已提交，等待支部书记审核，审核通过后公开');
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="亮身份 · 亮承诺" className="pioneer-edit-page">
      <LoadState loading={mine.loading} error={mine.error} />
      {post ? (
        <View className="card">
          <View className="pioneer-status">状态：<View className="pioneer-badge">{postStatusLabels[post.status]}</View></View>
          {post.status === 'returned' && post.returnReason ? <View className="pioneer-returned">退回理由：{post.returnReason}</View> : null}
          {post.status === 'approved' ? (
            <View className="pioneer-done" onClick={() => void Taro.navigateTo({ url: `/pages/pioneer/card?id=${post.id}` })}>已公开，查看我的公开卡片 ›</View>
          ) : null}
        </View>
      ) : null}
      <View className="card">
        <View className="pioneer-field">
          <View className="pioneer-field__label">照片</View>
          <View className="pioneer-card__head">
            {photoPreview ? <Image className="pioneer-list-item__photo" src={photoPreview} mode="aspectFill" /> : <View className="pioneer-list-item__photo" />}
            <Button size="small" onClick={() => void pickPhoto()}>{photoKey ? '已选新照片' : '上传照片'}</Button>
          </View>
          {errors.photoKey ? <View className="field-error">{errors.photoKey}</View> : null}
        </View>
        <View className="pioneer-field">
          <View className="pioneer-field__label">岗位类型</View>
          <ChoiceChips options={postKinds.map((k) => ({ value: k, label: postKindLabels[k] }))} value={kind} onChange={setKind} disabled={busy} />
        </View>
        <View className="pioneer-field">
          <View className="pioneer-field__label">岗位（窗口）</View>
          <Input className="pioneer-input pioneer-window" value={window} maxlength={40} placeholder="如：公证受理一号窗口" onInput={(e) => setWindow(e.detail.value)} />
          {errors.window ? <View className="field-error">{errors.window}</View> : null}
        </View>
        <View className="pioneer-field">
          <View className="pioneer-field__label">我的承诺</View>
          <Textarea className="pioneer-textarea pioneer-pledge-input" value={pledge} maxlength={300} placeholder="10–300 字，请不要写手机号等个人信息" onInput={(e) => setPledge(e.detail.value)} />
          {errors.pledge ? <View className="field-error">{errors.pledge}</View> : null}
        </View>
        <View className="pioneer-field">
          <View className="pioneer-field__label">服务项目（每行一项）</View>
          <Textarea className="pioneer-textarea pioneer-services-input" value={services} maxlength={300} placeholder={'公证咨询\n预约上门办证'} onInput={(e) => setServices(e.detail.value)} />
          {Object.entries(errors).filter(([k]) => k.startsWith('services')).map(([k, v]) => <View key={k} className="field-error">{v}</View>)}
        </View>
        {message ? <View className={Object.keys(errors).length ? 'field-error' : 'pioneer-done'}>{message}</View> : null}
        <Button className="pioneer-save" type="primary" block loading={busy} disabled={busy} onClick={() => void save()}>提交审核</Button>
      </View>
    </Screen>
  );
}
