import { useEffect, type ReactNode } from 'react';
import { Button, Divider, Tooltip } from 'antd';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import './rich-text.css';

export interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
  /** Shown in the empty editor. */
  placeholder?: string;
  className?: string;
}

/** Prompts for an image address; only web addresses and the app's own /media paths are offered to the server. */
function insertImage(editor: Editor) {
  const src = window.prompt('图片地址（https://… 或 /media/…）')?.trim();
  if (!src) return;
  if (!/^(https?:\/\/|\/media\/)/i.test(src)) {
    window.alert('图片地址须以 https:// 或 /media/ 开头');
    return;
  }
  editor.chain().focus().setImage({ src, alt: '' }).run();
}

function setLink(editor: Editor) {
  const previous = editor.getAttributes('link').href as string | undefined;
  const href = window.prompt('链接地址（留空则取消链接）', previous ?? 'https://')?.trim();
  if (href === undefined) return;
  if (!href || href === 'https://') editor.chain().focus().extendMarkRange('link').unsetLink().run();
  else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

/**
 * A rich-text editor (Tiptap) for lesson articles, as a controlled antd Form input producing HTML.
 * Its output is only a draft: the server sanitises every article it stores.
 */
export default function RichTextEditor({ value = '', onChange, placeholder, className }: RichTextEditorProps) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }), Image],
    content: value,
    editorProps: { attributes: { class: 'rich-text__content', role: 'textbox', 'aria-multiline': 'true', 'aria-label': placeholder ?? '正文' } },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  // A new value from outside (the form reset for another lesson) replaces the content; our own echo does not.
  useEffect(() => {
    if (editor && !editor.isDestroyed && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) {
      editor.commands.setContent(value, { emitUpdate: false });
    }
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
      link: e?.isActive('link') ?? false,
      canUndo: e?.can().undo() ?? false,
      canRedo: e?.can().redo() ?? false,
    }),
  });

  if (!editor) return null;
  const tool = (label: ReactNode, title: string, active: boolean, run: () => void, disabled = false) => (
    <Tooltip title={title} key={title}>
      <Button size="small" type={active ? 'primary' : 'text'} aria-label={title} aria-pressed={active} disabled={disabled}
        onMouseDown={(e) => e.preventDefault()} onClick={run}>{label}</Button>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className={`rich-text ${className ?? ''}`}>
      <div className="rich-text__toolbar" role="toolbar" aria-label="正文格式">
        {tool('标题', '二级标题', state?.h2 ?? false, () => chain().toggleHeading({ level: 2 }).run())}
        {tool('小标题', '三级标题', state?.h3 ?? false, () => chain().toggleHeading({ level: 3 }).run())}
        <Divider orientation="vertical" />
        {tool(<strong>B</strong>, '加粗', state?.bold ?? false, () => chain().toggleBold().run())}
        {tool(<em>I</em>, '斜体', state?.italic ?? false, () => chain().toggleItalic().run())}
        <Divider orientation="vertical" />
        {tool('• 列表', '无序列表', state?.bullet ?? false, () => chain().toggleBulletList().run())}
        {tool('1. 列表', '有序列表', state?.ordered ?? false, () => chain().toggleOrderedList().run())}
        {tool('引用', '引用', state?.quote ?? false, () => chain().toggleBlockquote().run())}
        <Divider orientation="vertical" />
        {tool('链接', '链接', state?.link ?? false, () => setLink(editor))}
        {tool('图片', '插入图片', false, () => insertImage(editor))}
        <Divider orientation="vertical" />
        {tool('撤销', '撤销', false, () => chain().undo().run(), !state?.canUndo)}
        {tool('重做', '重做', false, () => chain().redo().run(), !state?.canRedo)}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
