/** How long a shared link lives: the server action validates the choice, the store computes the instant. */
export const EXPIRY_CHOICES = ["never", "1d", "7d", "30d"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRY_DAYS: Record<Exclude<ExpiryChoice, "never">, number> = { "1d": 1, "7d": 7, "30d": 30 };

/** The instant a link chosen at `now` stops working; undefined when it never expires. */
export function expiryDate(choice: ExpiryChoice, now: Date): Date | undefined {
  return choice === "never" ? undefined : new Date(now.getTime() + EXPIRY_DAYS[choice] * DAY_MS);
}
