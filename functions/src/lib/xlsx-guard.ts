import { Unzip, UnzipInflate } from 'fflate';
import { validationFailed } from './problem';

/**
 * What an uploaded workbook may hold. A few hundred KB of XLSX can inflate to hundreds of MB (one
 * 300-million-character cell killed a 512 MB Lambda), so these are checked by inflating the archive
 * in a stream, counting, and stopping at the first limit, before exceljs parses anything.
 */
export const XLSX_LIMITS = {
  unzippedBytes: 20 * 1024 * 1024,
  entries: 500,
  rows: 10_000,
  cells: 200_000,
};

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

class LimitExceeded extends Error {}

function tooBig(message: string) {
  return validationFailed(`文件过大：${message}，请拆分后分批上传`, [{ path: 'file', message }]);
}

/** Throws a 400 problem when the workbook is not a readable zip or exceeds XLSX_LIMITS. */
export function assertWorkbookWithinLimits(bytes: Buffer, limits = XLSX_LIMITS): void {
  let unzipped = 0;
  let entries = 0;
  let rows = 0;
  let cells = 0;
  let exceeded: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (++entries > limits.entries) {
      exceeded = `压缩包内文件超过 ${limits.entries} 个`;
      throw new LimitExceeded();
    }
    const counting = SHEET.test(file.name);
    let tail = '';
    file.ondata = (err, chunk) => {
      if (err) throw err;
      unzipped += chunk.length;
      if (unzipped > limits.unzippedBytes) {
        exceeded = `解压后超过 ${Math.round(limits.unzippedBytes / 1024 / 1024)} MB`;
        throw new LimitExceeded();
      }
      if (!counting) return;
      // Tags are ASCII: latin1 keeps byte offsets; the tail carries a tag split across chunks.
      const text = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      rows += text.match(/<row[\s>]/g)?.length ?? 0;
      cells += text.match(/<c[\s>]/g)?.length ?? 0;
      tail = text.slice(-4);
      if (rows > limits.rows) exceeded = `超过 ${limits.rows} 行`;
      else if (cells > limits.cells) exceeded = `超过 ${limits.cells} 个单元格`;
      if (exceeded) throw new LimitExceeded();
    };
    file.start();
  };
  try {
    // Small slices: deflate inflates at most ~1000:1, so no single step can allocate more than a few MB.
    const all = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const step = 4096;
    for (let at = 0; at < all.length; at += step) unzip.push(all.subarray(at, at + step), at + step >= all.length);
  } catch (err) {
    if (exceeded) throw tooBig(exceeded);
    if (err instanceof LimitExceeded) throw tooBig('内容超出限制');
    throw validationFailed('无法读取 Excel 文件，请确认是 .xlsx 格式', [{ path: 'file', message: '文件已损坏或不是 .xlsx' }]);
  }
  if (exceeded) throw tooBig(exceeded);
  if (entries === 0) throw validationFailed('无法读取 Excel 文件，请确认是 .xlsx 格式', [{ path: 'file', message: '文件已损坏或不是 .xlsx' }]);
}
