import QRCode from 'qrcode';

const WIDTH = 1240; // A4 at 150 dpi
const HEIGHT = 1754;
const QR_SIZE = 760;

/** Splits text into lines that fit `maxWidth` on the canvas (CJK text breaks anywhere). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      lines.push(line);
      line = ch;
    } else {
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface PosterContent {
  title: string;
  orgName?: string;
  url: string;
}

/**
 * A printable A4 poster for service windows: the campaign title above a QR code of its share link,
 * drawn in the browser; answers a PNG data URL.
 */
export async function drawPoster({ title, orgName, url }: PosterContent): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unsupported');
  const font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#c8161d';
  ctx.fillRect(0, 0, WIDTH, 24);
  ctx.fillRect(0, HEIGHT - 24, WIDTH, 24);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#c8161d';
  ctx.font = `bold 64px ${font}`;
  ctx.fillText('开门纳谏 · 扫码提意见', WIDTH / 2, 110);

  ctx.fillStyle = '#1f1f1f';
  ctx.font = `bold 56px ${font}`;
  let y = 230;
  for (const line of wrap(ctx, title, WIDTH - 200).slice(0, 3)) {
    ctx.fillText(line, WIDTH / 2, y);
    y += 76;
  }

  const qr = document.createElement('canvas');
  await QRCode.toCanvas(qr, url, { width: QR_SIZE, margin: 2, errorCorrectionLevel: 'M' });
  const qrTop = Math.max(y + 50, 520);
  ctx.drawImage(qr, (WIDTH - QR_SIZE) / 2, qrTop, QR_SIZE, QR_SIZE);

  ctx.fillStyle = '#666666';
  ctx.font = `40px ${font}`;
  ctx.fillText('无需登录 · 可匿名 · 凭查询码查看办理进度', WIDTH / 2, qrTop + QR_SIZE + 50);
  if (orgName) {
    ctx.fillStyle = '#1f1f1f';
    ctx.font = `44px ${font}`;
    ctx.fillText(orgName, WIDTH / 2, HEIGHT - 150);
  }
  return canvas.toDataURL('image/png');
}
