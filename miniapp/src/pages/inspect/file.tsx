import { inspectRoutes } from '@kaimen/shared/inspect/routes';
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { findingLabels, findings, type ProblemFieldError } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button, Input } from '../../ui';
import { LoadState } from '../orglife/LoadState';
import './inspect.scss';

type Finding = (typeof findings)[number];

/** Fills a 自查事项报告表 item by item (一项一项对照), then signs the pledge with one's own name. */
export default function FileInspectionPage() {
  const session = useRequireSession();
  const formId = useRouter().params.formId ?? '';
  const detail = useLoad(() => call(inspectRoutes.myInspection, { params: { formId } }), [formId], !!session && !!formId);
  const [answers, setAnswers] = useState<Record<string, { finding?: Finding; detail: string }>>({});
  const [other, setOther] = useState('');
  const [signature, setSignature] = useState('');
  const [pledged, setPledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ProblemFieldError[]>([]);
  const [key] = useState(newIdempotencyKey);
  const d = detail.data;
  const report = d?.report ?? null;

  const set = (k: string, patch: Partial<{ finding: Finding; detail: string }>) =>
    setAnswers((a) => ({ ...a, [k]: { detail: '', ...a[k], ...patch } }));
  const errorAt = (path: string) => fieldErrors.find((e) => e.path === path)?.message;

  const submit = async () => {
    if (!d) return;
    const missing = d.form.items.find((i) => !answers[i.key]?.finding);
    if (missing) return void setError(`请回答第 ${missing.key} 项：${missing.text}`);
    setBusy(true);
    setError(null);
    setFieldErrors([]);
    try {
      await call(inspectRoutes.fileInspection, {
        params: { formId },
        body: {
          answers: d.form.items.map((i) => ({ key: i.key, finding: answers[i.key]!.finding!, ...(answers[i.key]!.detail.trim() ? { detail: answers[i.key]!.detail } : {}) })),
          ...(other.trim() ? { other } : {}), signature, pledged,
        },
        idempotencyKey: key,
      });
      void Taro.showToast({ title: '已提交', icon: 'success' });
      void detail.reload();
    } catch (err) {
      // Field problems show next to their field; the line above the button then says only what is wrong overall.
      const fields = err instanceof ApiError ? err.problem.errors ?? [] : [];
      setFieldErrors(fields);
      setError(err instanceof ApiError && fields.length > 0 ? err.problem.detail : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="填报自查事项" className="inspect-file">
      <LoadState loading={detail.loading} error={detail.error} />
      {d ? (
        <View className="card">
          <View className="inspect-file__title">{d.form.title}</View>
          <View className="muted">{d.form.orgName} · 截止 {d.form.deadline}</View>
          {d.form.instructions ? <View className="inspect-file__note">{d.form.instructions}</View> : null}
        </View>
      ) : null}
      {d && report ? (
        <View className="card inspect-done">
          <View className="lesson-done">已提交（{report.filedAt.slice(0, 10)}）</View>
          {report.answers.map((a) => (
            <View key={a.key} className="inspect-item">
              <View>{a.key}. {a.text}</View>
              <View className={a.finding === 'found' ? 'inspect-found' : 'muted'}>{findingLabels[a.finding]}{a.detail ? `：${a.detail}` : ''}</View>
            </View>
          ))}
          <View className="muted">签名：{report.signature}</View>
        </View>
      ) : null}
      {d && !report ? (
        <>
          {d.form.items.map((item, i) => (
            <View key={item.key} className="card inspect-item">
              <View className="inspect-item__text">{item.key}. {item.text}</View>
              <View className="inspect-choices">
                {findings.map((f) => (
                  <View key={f} className={`inspect-choice ${answers[item.key]?.finding === f ? `inspect-choice--on inspect-choice--${f}` : ''}`} onClick={() => set(item.key, { finding: f })}>
                    {findingLabels[f]}
                  </View>
                ))}
              </View>
              {answers[item.key]?.finding === 'found' ? (
                <Textarea className="inspect-textarea" placeholder="请说明具体情况" maxlength={1000} value={answers[item.key]?.detail ?? ''} onInput={(e) => set(item.key, { detail: e.detail.value })} />
              ) : null}
              {errorAt(`answers.${i}.detail`) ? <View className="field-error">{errorAt(`answers.${i}.detail`)}</View> : null}
            </View>
          ))}
          <View className="card">
            <View className="inspect-item__text">其他问题（政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律和作风建设方面，可选）</View>
            <Textarea className="inspect-textarea" placeholder="没有可不填" maxlength={1000} value={other} onInput={(e) => setOther(e.detail.value)} />
          </View>
          <View className="card inspect-pledge">
            <View className="section-title">承诺</View>
            <View className="inspect-pledge__text">{d.form.pledge}</View>
            <View className={`inspect-check ${pledged ? 'inspect-check--on' : ''}`} onClick={() => setPledged((p) => !p)}>
              <Text className="inspect-check__box">{pledged ? '✓' : ''}</Text>本人已阅读并承诺
            </View>
            {errorAt('pledged') ? <View className="field-error">{errorAt('pledged')}</View> : null}
            <View className="orglife-field">
              <View className="muted">签名（请输入本人姓名：{d.name}）</View>
              <Input className="inspect-signature" value={signature} placeholder="本人姓名" maxLength={20} onChange={(v) => setSignature(String(v))} />
              {errorAt('signature') ? <View className="field-error">{errorAt('signature')}</View> : null}
            </View>
            {error ? <View className="field-error inspect-error">{error}</View> : null}
            <Button type="primary" block loading={busy} className="inspect-submit" onClick={() => void submit()}>签字提交</Button>
          </View>
        </>
      ) : null}
    </Screen>
  );
}
