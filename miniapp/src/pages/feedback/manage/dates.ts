const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date (YYYY-MM-DD) as the ISO time its first moment falls on. */
export function startOfDayIso(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** A local calendar date as the ISO time the next day begins: a campaign closing on that date stays open all day. */
export function endOfDayIso(date: string): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local date an ISO opening time falls on. */
export function dateOfStart(iso: string): string {
  return localDate(new Date(iso));
}

/** The last local date before an ISO closing time. */
export function dateOfEnd(iso: string): string {
  return localDate(new Date(new Date(iso).getTime() - 1));
}
