import type { ExpiryChoice } from "@/lib/share/expiry";

export const EXPIRY_LABELS: Record<ExpiryChoice, string> = {
  never: "Never expires",
  "1d": "Expires in 1 day",
  "7d": "Expires in 7 days",
  "30d": "Expires in 30 days",
};

/** "2026-11-22T01:50:43.123Z" → "2026-11-22 01:50 UTC": identical on server and client (no locale or zone). */
export function formatUtcMinute(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
