// Numbers as the metrics screen and its CSV show them. Pure.

/** "—" stands for "no data" (nothing to average), never for zero. */
export const NONE = '—';

export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return NONE;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const formatShare = (share: number | null): string => (share === null ? NONE : `${Math.round(share * 100)}%`);

export const formatRating = (average: number | null): string => (average === null ? NONE : average.toFixed(2));

/** A UTC date and time, as the buckets count them: "2026-03-04 23:59 UTC". */
export function formatUtc(millis: number | null): string {
  if (millis === null) return NONE;
  return `${new Date(millis).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
