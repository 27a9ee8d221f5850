import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

/**
 * Pieces of the real-browser tests: a page origin, a recording proxy in front of the emulator (so a test
 * sees what Chromium sent and got even when CORS hides it from the page), and fetch() run in the page.
 */
export interface Exchange {
  method: string;
  path: string;
  status: number;
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A transparent proxy in front of the emulator that records what the browser sent and got back. */
export function recordingProxy(target: string, log: Exchange[]): Server {
  const upstream = new URL(target);
  return createServer((req, res) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        log.push({ method: req.method ?? "", path: req.url ?? "", status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
}

/** A one-page site: the origin the cross-origin fetches come from. */
export function pageServer(): Server {
  return createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>shop</title>"));
}

export type FetchOutcome = { ok: true; status: number; body: string } | { ok: false; name: string; message: string };

/** fetch() from the page with the given headers; a CORS failure comes back as { ok: false, name: "TypeError" }. */
export function browserFetch(page: Page, url: string, headers: Record<string, string>): Promise<FetchOutcome> {
  return page.evaluate(
    async ({ target, sent }) => {
      try {
        const response = await fetch(target, { headers: sent });
        return { ok: true as const, status: response.status, body: await response.text() };
      } catch (error) {
        return { ok: false as const, name: (error as Error).name, message: (error as Error).message };
      }
    },
    { target: url, sent: headers },
  );
}
