import { useState } from 'react';
import { View } from '@tarojs/components';
import { lessonKindLabels, lessonKinds, studyModeLabels, studyModes, type AdminLesson, type LessonKind, type StudyMode } from '@kaimen/shared';
import { AdminButton, Field } from './AdminBits';

export interface LessonDraft {
  title: string;
  kind: LessonKind;
  mode: StudyMode;
  body: string;
  mediaUrl: string;
  durationSeconds: string;
  published: boolean;
}

export const emptyDraft: LessonDraft = { title: '', kind: 'article', mode: 'self_study', body: '', mediaUrl: '', durationSeconds: '', published: false };

export function draftOf(l: AdminLesson): LessonDraft {
  return { title: l.title, kind: l.kind, mode: l.mode, body: l.body, mediaUrl: l.mediaUrl ?? '', durationSeconds: l.durationSeconds ? String(l.durationSeconds) : '', published: l.published };
}

/** Create or edit a lesson: the article HTML is sanitised by the server when saved. */
export function LessonForm({ initial, editing, onSave, onCancel }: { initial: LessonDraft; editing: boolean; onSave: (d: LessonDraft) => Promise<void>; onCancel: () => void }) {
  const [d, setD] = useState(initial);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof LessonDraft>(k: K, v: LessonDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  return (
    <View className="card admin-form lesson-form">
      <View className="section-title">{editing ? '修改课程' : '新建课程'}</View>
      <Field label="标题"><input className="admin-input lesson-title-input" value={d.title} onChange={(e) => set('title', e.target.value)} /></Field>
      <Field label="类型">
        <select className="admin-select lesson-kind" value={d.kind} disabled={editing} onChange={(e) => set('kind', e.target.value as LessonKind)}>
          {lessonKinds.map((k) => <option key={k} value={k}>{lessonKindLabels[k]}</option>)}
        </select>
      </Field>
      <Field label="学习方式（九学）">
        <select className="admin-select lesson-mode" value={d.mode} onChange={(e) => set('mode', e.target.value as StudyMode)}>
          {studyModes.map((m) => <option key={m} value={m}>{studyModeLabels[m]}</option>)}
        </select>
      </Field>
      {d.kind !== 'article' ? (
        <>
          <Field label="音视频地址（https://…）"><input className="admin-input lesson-media" value={d.mediaUrl} onChange={(e) => set('mediaUrl', e.target.value)} /></Field>
          <Field label="时长（秒）"><input className="admin-input lesson-duration" type="number" value={d.durationSeconds} onChange={(e) => set('durationSeconds', e.target.value)} /></Field>
        </>
      ) : null}
      <Field label={d.kind === 'article' ? '正文（HTML，保存时自动净化）' : '学习提示（HTML）'}>
        <textarea className="admin-textarea lesson-body-input" value={d.body} onChange={(e) => set('body', e.target.value)} />
      </Field>
      <label>
        <input type="checkbox" className="lesson-published" checked={d.published} onChange={(e) => set('published', e.target.checked)} /> 发布
      </label>
      <View className="admin-row">
        <AdminButton
          primary
          className="lesson-save"
          busy={busy}
          onClick={() => {
            setBusy(true);
            void onSave(d).finally(() => setBusy(false));
          }}
        >
          保存
        </AdminButton>
        <AdminButton onClick={onCancel}>取消</AdminButton>
      </View>
    </View>
  );
}
