/** The public H5 page of a pioneer card: what the 岗牌's QR code opens. */
export function postShareLink(postId: string): string {
  const base = (window.__KAIMEN_CONFIG__?.publicUrl || window.location.origin).replace(/\/+$/, '');
  return `${base}/#/pages/pioneer/card?id=${encodeURIComponent(postId)}`;
}
