/**
 * The ticket of a PC sign-in QR from the page's address: `ticket` (H5 link), `scene` (mini-program
 * code), or `q` (a plain-link QR opened in the mini-program: the whole URL, encoded).
 */
export function pcTicketOf(params: Record<string, string | undefined>): string {
  const direct = params.ticket ?? params.scene;
  if (direct) return safeDecode(direct);
  if (params.q) {
    const match = /[?&]ticket=([\w-]+)/.exec(safeDecode(params.q));
    if (match) return match[1]!;
  }
  return '';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
