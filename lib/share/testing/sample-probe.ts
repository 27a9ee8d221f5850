/**
 * A small, valid ProbeReport for the store tests: one preflight and one actual request of stage `stage`, the actual one
 * sent with test identity 0 (recorded by index, as lib/probe does). `plant` puts credential-shaped text where an API's
 * answer could carry it (a gateway response's message, a redirect's Location), for the redaction tests.
 */
import type { ProbeAnswer, ProbeCheck, ProbeReport } from "@/lib/probe/types";
import { FAKE_BEARER, FAKE_JWT } from "@/lib/share/testing/planted-secrets";

export function sampleProbe(stage = "prod", startedAt = "2026-11-30T11:58:00.000Z", options: { plant?: boolean } = {}): ProbeReport {
  const answer = (status: number, extra: Partial<ProbeAnswer> = {}): ProbeAnswer => ({
    status,
    cors: { "access-control-allow-origin": "https://shop.example.com" },
    elapsedMs: 12,
    browser: "passes",
    ...extra,
  });
  const preflight: ProbeCheck = {
    id: "preflight:/orders:POST:https://shop.example.com",
    kind: "preflight",
    path: "/orders",
    requestPath: "/orders",
    verb: "POST",
    cell: { path: "/orders", verb: "OPTIONS" },
    origin: "https://shop.example.com",
    requestHeaders: "authorization,content-type",
    withIdentity: false,
    prediction: { status: 200, allowOrigin: "present", browser: "passes", reason: "OPTIONS /orders is a MOCK integration answering 200." },
    answers: [answer(200), answer(200)],
    outcome: "matches",
  };
  const actual: ProbeCheck = {
    id: "actual:/orders:GET:https://shop.example.com",
    kind: "actual",
    path: "/orders",
    requestPath: "/orders",
    verb: "GET",
    cell: { path: "/orders", verb: "GET" },
    origin: "https://shop.example.com",
    requestHeaders: "authorization",
    withIdentity: true,
    prediction: { allowOrigin: "unknown", reason: "A Lambda authorizer decides." },
    answers: [
      answer(403, {
        identity: 0,
        errorType: "AccessDeniedException",
        message: options.plant ? `User is not authorized (Bearer ${FAKE_BEARER})` : "User is not authorized",
        browser: "blocked",
        blockedBecause: "403 without Access-Control-Allow-Origin",
      }),
      answer(302, {
        identity: 0,
        ...(options.plant ? { location: `https://login.example.com/cb?id_token=${FAKE_JWT}` } : { location: "https://login.example.com/" }),
      }),
    ],
    outcome: "unpredicted",
  };
  return {
    stage,
    target: `https://abc123defg.execute-api.eu-west-1.amazonaws.com/${stage}`,
    targetKind: "execute-api",
    alsoServedAt: [],
    startedAt,
    wallTimeMs: 1_050,
    budget: { requests: 4, checks: 2, repeat: 2, concurrency: 4, timeoutMs: 5_000, spacingMs: 1_000, maxSeconds: 11 },
    sent: 4,
    origins: ["https://shop.example.com"],
    actual: true,
    identities: 1,
    checks: [preflight, actual],
    findings: [
      {
        kind: "redirect",
        severity: "medium",
        checkId: actual.id,
        path: "/orders",
        verb: "GET",
        kindOfRequest: "actual",
        message: "GET /orders answered 302 to https://login.example.com/: a browser's CORS request fails on a redirect.",
      },
    ],
  };
}
