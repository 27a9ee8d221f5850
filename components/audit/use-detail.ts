"use client";

import { createContext, useContext, useEffect, useState } from "react";

/**
 * Loads one of the audit page's on-demand parts (app/_server/audit-page-detail.ts) and keeps the answers of
 * this page: reopening a cell or a finding costs no second request. The URL carries the read (`v`), so a
 * Refresh's new read is a new URL.
 */
export type Loaded<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; message: string };

/** Where the page's parts come from: "<api base>/view" and the read the page shows. */
export interface DetailSource {
  base: string;
  readAt: string;
}

const DetailContext = createContext<DetailSource | undefined>(undefined);
export const DetailSourceProvider = DetailContext.Provider;

export function useDetailSource(): DetailSource | undefined {
  return useContext(DetailContext);
}

/** "<base>/<part>?<query>&v=<readAt>" */
export function detailUrl(source: DetailSource, part: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...query, v: source.readAt });
  return `${source.base}/${part}?${search.toString()}`;
}

const MAX_ENTRIES = 200;
const answers = new Map<string, Promise<Loaded<unknown>>>();

async function load(url: string): Promise<Loaded<unknown>> {
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message =
        body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `HTTP ${response.status}`;
      return { status: "error", message };
    }
    return { status: "ready", value: body };
  } catch (error) {
    return { status: "error", message: error instanceof Error ? error.message : String(error) };
  }
}

function cached(url: string): Promise<Loaded<unknown>> {
  let answer = answers.get(url);
  if (!answer) {
    answer = load(url).then((loaded) => {
      // Failures are not kept: the next open tries again.
      if (loaded.status === "error") answers.delete(url);
      return loaded;
    });
    answers.set(url, answer);
    if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
  }
  return answer;
}

/** The part at `url` (undefined: nothing to load). */
export function useDetail<T>(url: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ url?: string; loaded: Loaded<T> }>({ loaded: { status: "loading" } });
  useEffect(() => {
    if (!url) return;
    let current = true;
    void cached(url).then((loaded) => {
      if (current) setState({ url, loaded: loaded as Loaded<T> });
    });
    return () => {
      current = false;
    };
  }, [url]);
  return state.url === url ? state.loaded : { status: "loading" };
}
