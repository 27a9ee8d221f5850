import "server-only";
import { randomBytes } from "node:crypto";
import type { TemplateAudit } from "@/lib/templates/audit-templates";

/**
 * Template audits between the upload and the pages, exports and fix downloads that show them.
 *
 * Per process, in memory: an uploaded template is nobody's to keep, so nothing is written to disk, and a
 * second app instance (or a restart) does not know the id; the page then says to upload again. To keep an
 * audit or show it to someone else, "Share" stores its report (never the files) in the audit store.
 * Entries expire after `ttlMs`; at most `maxEntries` are kept, holding at most `maxTextChars` of template text
 * in all (the oldest goes first), so a stream of uploads cannot grow the process without bound.
 */
export interface CachedTemplateAudit {
  id: string;
  createdAt: string;
  expiresAt: string;
  /** Paths of every uploaded file, as sent. */
  uploaded: string[];
  audit: TemplateAudit;
  /**
   * Text of the files that define an API (not every upload), so the fix can be shown as a patch to them. Held as
   * long as the audit, within its 50 MB read limit.
   */
  texts: ReadonlyMap<string, string>;
}

export interface TemplateAuditCache {
  put(audit: TemplateAudit, uploaded: string[], texts?: ReadonlyMap<string, string>): CachedTemplateAudit;
  /** Undefined for an unknown, expired or malformed id. */
  get(id: string): CachedTemplateAudit | undefined;
  size(): number;
}

export const TEMPLATE_AUDIT_TTL_MS = 60 * 60 * 1000;
export const TEMPLATE_AUDIT_MAX_ENTRIES = 50;
/** Template text kept for patches across all entries (UTF-16 code units, about 200 MB of memory). */
export const TEMPLATE_AUDIT_MAX_TEXT_CHARS = 100 * 1024 * 1024;

// 16 random bytes (128 bits) as unpadded base64url: 22 characters, unguessable like a shared audit's id.
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isTemplateAuditId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export function createTemplateAuditCache(
  options: { ttlMs?: number; maxEntries?: number; maxTextChars?: number; now?: () => number } = {},
): TemplateAuditCache {
  const ttlMs = options.ttlMs ?? TEMPLATE_AUDIT_TTL_MS;
  const maxEntries = options.maxEntries ?? TEMPLATE_AUDIT_MAX_ENTRIES;
  const maxTextChars = options.maxTextChars ?? TEMPLATE_AUDIT_MAX_TEXT_CHARS;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so its first key is always the oldest entry.
  const entries = new Map<string, { cached: CachedTemplateAudit; expiresMs: number; textChars: number }>();
  let textChars = 0;
  const drop = (id: string) => {
    textChars -= entries.get(id)?.textChars ?? 0;
    entries.delete(id);
  };

  function sweep(at: number): void {
    for (const [id, entry] of entries) if (entry.expiresMs <= at) drop(id);
  }

  return {
    put(audit, uploaded, texts = new Map()) {
      const at = now();
      sweep(at);
      const id = randomBytes(16).toString("base64url");
      const used = new Set(audit.reports.flatMap((report) => (report.source.kind === "template" ? report.source.files : [])));
      const kept = new Map([...texts].filter(([path]) => used.has(path)));
      const size = [...kept.values()].reduce((sum, text) => sum + text.length, 0);
      while (entries.size > 0 && (entries.size >= maxEntries || textChars + size > maxTextChars)) drop(entries.keys().next().value!);
      const cached = {
        id,
        createdAt: new Date(at).toISOString(),
        expiresAt: new Date(at + ttlMs).toISOString(),
        uploaded,
        audit,
        texts: kept,
      };
      entries.set(id, { cached, expiresMs: at + ttlMs, textChars: size });
      textChars += size;
      return cached;
    },
    get(id) {
      if (!isTemplateAuditId(id)) return undefined;
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expiresMs <= now()) {
        drop(id);
        return undefined;
      }
      return entry.cached;
    },
    size() {
      sweep(now());
      return entries.size;
    },
  };
}

// On globalThis: Next may load this module once per route bundle (pages, actions, route handlers) in one
// process, and they must all see the same entries.
const GLOBAL_KEY = Symbol.for("preflight.templateAuditCache");

export function templateAuditCache(): TemplateAuditCache {
  const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: TemplateAuditCache };
  return (holder[GLOBAL_KEY] ??= createTemplateAuditCache());
}
