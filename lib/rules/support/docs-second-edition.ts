import type { DocReference } from "@/lib/rules/types";

/**
 * Pages cited by the second edition of the catalogue (issue 14), kept apart from DOCS so the rules
 * added together share one list without touching the first edition's.
 */
export const DOCS2 = {
  fetchCacheMode: {
    title: 'Web platform tests, fetch/http-cache/cache-mode: cache "no-cache" sends Cache-Control: max-age=0',
    url: "https://chromium.googlesource.com/external/w3c/web-platform-tests.git/+/HEAD/fetch/http-cache/cache-mode.any.js",
  },
  cacheInvalidationSigned: {
    title: "re:Post: authorised cache invalidation needs a SigV4-signed request with execute-api:InvalidateCache",
    url: "https://repost.aws/questions/QULgpaCUWSRZ-Zdqw-x8a6cw/api-gateway-authorised-cache-invalidation-not-working-as-expected",
  },
} as const satisfies Record<string, DocReference>;
