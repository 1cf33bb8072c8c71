import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { RichTextEditorProps } from './RichTextEditor';

// The editor and its ProseMirror engine load in their own chunk, only on pages that edit articles.
const Editor = lazy(() => import('./RichTextEditor'));

/** The rich-text editor as a form input (antd passes value/onChange to this component directly). */
export function RichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
      <Editor {...props} />
    </Suspense>
  );
}
