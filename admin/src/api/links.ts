
/**
 * The public H5 app's page of a campaign (the link and QR poster for service windows). The H5
 * app's address comes from /kaimen-config.js (`publicUrl`), else this origin.
 */
export function campaignShareLink(campaignId: string): string {
  const base = (window.__KAIMEN_CONFIG__?.publicUrl || window.location.origin).replace(/\/+$/, '');
  return `${base}/#/pages/feedback/campaign?id=${encodeURIComponent(campaignId)}`;
}


/** The phone page that confirms a PC sign-in QR (opened by scanning it). */
export function pcSignInLink(ticket: string): string {
  const base = (window.__KAIMEN_CONFIG__?.publicUrl || window.location.origin).replace(/\/+$/, '');
  return `${base}/#/pages/login/pc?ticket=${encodeURIComponent(ticket)}`;
}
