import type { Severity } from "@/lib/rules/types";

/**
 * Values that cross from server code to client components: what server actions return and what server
 * pages stream into client components. Lives beside the actions because components may import from
 * app/ only app/actions (README "Architecture"); the server code that builds these imports them from here.
 */

/** An expected failure as the browser sees it: a code, what happened, and what to do. No secrets. */
export interface UiError {
  code: string;
  message: string;
  hint: string;
  operation?: string;
  /** e.g. "apigateway:GET" for access denied. */
  iamAction?: string;
  resourceArn?: string;
}

export type CountsOutcome =
  | { ok: true; counts: Record<Severity, number>; partial: boolean; /** When AWS was read (the cached audit's readAt). */ readAt: string }
  | { ok: false; error: UiError };

export interface ApiListItem {
  id: string;
  name: string;
  description?: string;
  endpointTypes: string[];
  createdDate?: string;
}

export type RegionOutcome = { ok: true; apis: ApiListItem[] } | { ok: false; error: UiError };

export interface RegionListing {
  region: string;
  /** Never rejects: failures are values. */
  result: Promise<RegionOutcome>;
}

/** One line of /api/sweep: a region listed, or an API audited (counts only; the audit page has the rest). */
export type SweepLine =
  | { kind: "region"; connection: string; region: string; ok: true; apis: number }
  | { kind: "region"; connection: string; region: string; ok: false; code: string; message: string }
  | {
      kind: "api";
      connection: string;
      region: string;
      apiId: string;
      ok: true;
      name: string;
      counts: Record<Severity, number>;
      partial: boolean;
    }
  | { kind: "api"; connection: string; region: string; apiId: string; ok: false; code: string; message: string };
