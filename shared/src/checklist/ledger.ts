import * as z from 'zod/mini';
import { id } from '../http/common';

/**
 * One remediation ledger for every source (整改台账): the problems found at a 民主生活会, in the
 * self-inspection (自查), by an inspection of the level above (上级检查) or in a talk (谈心谈话) go
 * into the same checklist as the public's suggestions (群众建言, the tally's items).
 */
export const itemSources = ['suggestion', 'life_meeting', 'self_inspection', 'inspection', 'talk'] as const;
export const itemSource = z.enum(itemSources);
export type ItemSource = z.infer<typeof itemSource>;
export const itemSourceLabels: Record<ItemSource, string> = {
  suggestion: '群众建言', life_meeting: '民主生活会', self_inspection: '自查', inspection: '上级检查', talk: '谈心谈话',
};
/** Sources an admin may create an item from by hand (suggestions come from the tally). */
export const manualItemSources = ['life_meeting', 'self_inspection', 'inspection', 'talk'] as const;

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
const text = (max: number, label: string) => z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const createItemBody = z.strictObject({
  title: text(40, '问题描述'),
  source: z.enum(manualItemSources, '请选择问题来源：民主生活会、自查、上级检查或谈心谈话'),
  /** The campaign's category key it belongs to (optional; 其他 when absent). */
  category: z.optional(z.string().check(z.maxLength(40, '类别不正确'))),
  /** 责任单位 as an org of the campaign's tree (defaults to the campaign's org): sign-off comes from the level above it. */
  orgId: z.optional(id),
  owner: z.optional(z.nullable(text(60, '责任单位'))),
  deadline: z.optional(z.nullable(date)),
  target: z.optional(z.nullable(text(300, '整改目标'))),
  published: z.optional(z.boolean('请选择是否公开')),
});
export type CreateItemBody = z.infer<typeof createItemBody>;

/** 销号 by the level above: approve closes the item, refuse sends it back to 整改中 with a reason. */
export const signOffBody = z.strictObject({
  decision: z.enum(['approve', 'refuse'], '请选择同意销号或退回'),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(300, '理由最多 300 个字'))),
});
export type SignOffBody = z.infer<typeof signOffBody>;

export const signOffStates = ['none', 'pending', 'approved', 'refused'] as const;
export type SignOffState = (typeof signOffStates)[number];
export const signOffLabels: Record<SignOffState, string> = { none: '—', pending: '待上级销号', approved: '上级已销号', refused: '上级退回' };
export const signOff = z.object({
  state: z.enum(signOffStates),
  by: z.optional(z.string()),
  byOrgName: z.optional(z.string()),
  at: z.optional(z.string()),
  reason: z.optional(z.string()),
});

/** Evidence (佐证材料) of a progress note: photos, PDFs, Word and Excel files. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const evidenceKinds = {
  'image/jpeg': { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG 图片', extensions: ['png'] },
  'image/webp': { label: 'WebP 图片', extensions: ['webp'] },
  'application/pdf': { label: 'PDF 文件', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word 文档', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel 表格', extensions: ['xlsx'] },
} as const;
export type EvidenceType = keyof typeof evidenceKinds;

export const evidenceUploadBody = z.strictObject({
  fileName: text(120, '文件名'),
  contentType: z.string().check(z.maxLength(120, '文件类型不正确')),
  size: z.int('请填写文件大小').check(z.positive('文件是空的')),
});
export const evidenceUpload = z.object({ evidenceId: z.string(), uploadUrl: z.string(), headers: z.record(z.string(), z.string()) });
export const evidenceFile = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), url: z.string() });
export type EvidenceFile = z.infer<typeof evidenceFile>;

/** Which kind a file's first bytes say it is (magic numbers), or null when none we take. */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
  const at = (i: number, ...b: number[]) => b.every((x, k) => bytes[i + k] === x);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) {
    // An Office file is a zip whose entry names (stored uncompressed) say which one it is.
    const names = new TextDecoder('latin1').decode(bytes);
    if (names.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

/** Why a declared upload is refused before it is signed (Chinese), or null when it may go up. */
export function declaredEvidenceProblem(fileName: string, contentType: string, size: number): { path: string; message: string } | null {
  const kind = evidenceKinds[contentType as EvidenceType];
  if (!kind) return { path: 'contentType', message: '只能上传 JPEG/PNG/WebP 图片、PDF、Word（docx）或 Excel（xlsx）文件' };
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !(kind.extensions as readonly string[]).includes(ext)) {
    return { path: 'fileName', message: `文件名的扩展名与类型不符：${kind.label}应以 .${kind.extensions.join(' 或 .')} 结尾` };
  }
  if (size > EVIDENCE_MAX_BYTES) return { path: 'size', message: `文件不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` };
  return null;
}

/** Why the uploaded bytes are refused (Chinese), or null when they are what the upload claimed. */
export function evidenceBytesProblem(declared: string, bytes: Uint8Array, declaredSize: number): string | null {
  if (bytes.length !== declaredSize) return `文件大小与申报的不符（申报 ${declaredSize} 字节，实际 ${bytes.length} 字节）`;
  const found = sniffEvidence(bytes);
  const label = evidenceKinds[declared as EvidenceType]?.label ?? declared;
  if (found !== declared) return `文件内容不是${label}${found ? `，而是${evidenceKinds[found].label}` : ''}，已拒收，请上传真实的文件`;
  return null;
}

/**
 * Whether an admin of `signerPath` may sign off (销号) an item its org at `itemOrgPath` answers for:
 * only the level above, i.e. an admin of an org strictly above it. The root org has no level above,
 * so its own admins sign off its items.
 */
export function canSignOff(signerPath: string | null, itemOrgPath: string): boolean {
  if (!signerPath) return false;
  if (signerPath === itemOrgPath) return itemOrgPath.split('/').filter(Boolean).length === 1;
  return itemOrgPath.startsWith(signerPath);
}

/** A refusal must say why; an approval may. Chinese message or null. */
export function signOffProblem(body: { decision: 'approve' | 'refuse'; reason?: string | undefined }): string | null {
  if (body.decision === 'refuse' && !body.reason?.trim()) return '退回时请写明理由';
  return null;
}
