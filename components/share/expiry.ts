/** How long a shared link lives; shared by the Share form (labels) and the server action (validation). */
export const EXPIRY_CHOICES = ["never", "1d", "7d", "30d"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export const EXPIRY_LABELS: Record<ExpiryChoice, string> = {
  never: "Never expires",
  "1d": "Expires in 1 day",
  "7d": "Expires in 7 days",
  "30d": "Expires in 30 days",
};

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRY_DAYS: Record<Exclude<ExpiryChoice, "never">, number> = { "1d": 1, "7d": 7, "30d": 30 };

/** The instant a link chosen at `now` stops working; undefined when it never expires. */
export function expiryDate(choice: ExpiryChoice, now: Date): Date | undefined {
  return choice === "never" ? undefined : new Date(now.getTime() + EXPIRY_DAYS[choice] * DAY_MS);
}

/** "2026-11-22T01:50:43.123Z" → "2026-11-22 01:50 UTC": identical on server and client (no locale or zone). */
export function formatUtcMinute(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
