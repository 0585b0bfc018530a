// Times as the chat shows them. Pure; the locale comes from the browser.

/** "14:05" today, "3 Mar, 14:05" on another day. */
export function formatMessageTime(ms: number, nowMs: number, locale?: string): string {
  const at = new Date(ms);
  const now = new Date(nowMs);
  const sameDay = at.toDateString() === now.toDateString();
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (sameDay) return time;
  return `${at.toLocaleDateString(locale, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** How long someone has waited, coarse on purpose: "less than a minute", "3 minutes", "1 hour 5 minutes". */
export function formatWait(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours === 0) return plural(minutes, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
