// Locates a Chromium for the end-to-end tests and the unit tests that drive a browser. Order: an explicit environment variable, Debian's
// package, then Playwright's own download (which cannot be fetched on every machine).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium() {
  const fromEnv = process.env.PREFLIGHT_CHROMIUM || process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const candidate of SYSTEM_CANDIDATES) if (existsSync(candidate)) return candidate;
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core not resolvable or no bundled browser: fall through to "not found".
  }
  return undefined;
}

export const CHROMIUM_INSTALL_HINT =
  "No Chromium found: install one with `sudo apt-get install -y chromium` (or set PREFLIGHT_CHROMIUM=/path/to/chromium).";

/** Flags that keep Chromium quiet on machines without outside network (see README). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
