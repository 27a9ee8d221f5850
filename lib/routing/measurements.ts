/**
 * The published measurements of API Gateway REST routing, as data: one tree and its requests per source,
 * with the resource that served each request on real AWS (`null` = 403 Missing Authentication Token).
 * The routing unit tests and the emulator's data-plane tests both replay every row.
 */
export interface MeasuredTree {
  source: string;
  /** path → declared verbs. */
  resources: Record<string, string[]>;
  rows: { verb: string; path: string; servedBy: string | null; pathParameters?: Record<string, string> }[];
}

export const MEASUREMENTS: MeasuredTree[] = [
  {
    // PR description and commit message: eu-central-1, MOCK integrations, no authorizer.
    source: "ministack PR #1423 (https://github.com/ministackorg/ministack/pull/1423), description",
    resources: { "/{proxy+}": ["ANY"], "/jobs": [], "/jobs/{operation_type}": ["GET"], "/cors_only": ["OPTIONS"] },
    rows: [
      { verb: "GET", path: "/jobs/reboot", servedBy: "/jobs/{operation_type}", pathParameters: { operation_type: "reboot" } },
      { verb: "GET", path: "/jobs", servedBy: "/{proxy+}", pathParameters: { proxy: "jobs" } },
      { verb: "POST", path: "/jobs", servedBy: "/{proxy+}", pathParameters: { proxy: "jobs" } },
      { verb: "POST", path: "/jobs/reboot", servedBy: "/{proxy+}", pathParameters: { proxy: "jobs/reboot" } },
      { verb: "GET", path: "/cors_only", servedBy: "/{proxy+}", pathParameters: { proxy: "cors_only" } },
    ],
  },
  {
    // tests/test_apigatewayv1.py::test_apigwv1_cors_preflight_only_resource_falls_through (measured, eu-central-1).
    source: "ministack PR #1423, tests/test_apigatewayv1.py (CORS-preflight-only resource)",
    resources: { "/{proxy+}": ["ANY"], "/remote_connection": ["OPTIONS"] },
    rows: [
      { verb: "OPTIONS", path: "/remote_connection", servedBy: "/remote_connection" },
      { verb: "GET", path: "/remote_connection", servedBy: "/{proxy+}", pathParameters: { proxy: "remote_connection" } },
    ],
  },
  {
    // tests/test_apigatewayv1.py::test_apigwv1_proxy_fallthrough_reaches_past_a_guarded_sibling: /admin POST guarded,
    // the open proxy serves the other verbs ("verified against real AWS before pinning it").
    source: "ministack PR #1423, tests/test_apigatewayv1.py (guarded sibling)",
    resources: { "/{proxy+}": ["ANY"], "/admin": ["POST"] },
    rows: [
      { verb: "POST", path: "/admin", servedBy: "/admin" },
      { verb: "GET", path: "/admin", servedBy: "/{proxy+}", pathParameters: { proxy: "admin" } },
      { verb: "DELETE", path: "/admin", servedBy: "/{proxy+}", pathParameters: { proxy: "admin" } },
      { verb: "GET", path: "/public/thing", servedBy: "/{proxy+}", pathParameters: { proxy: "public/thing" } },
    ],
  },
  {
    // Comment of 2026-09-13 with the results table: us-west-2, REST regional endpoint, no authorizer.
    source: "floci PR #3399 (https://github.com/floci-io/floci/pull/3399), results table",
    resources: {
      "/users/{userId}": ["GET"],
      "/users/me": ["PATCH"],
      "/roles/provision": ["POST"],
      "/roles/{roleId}": ["GET"],
      "/things/real": ["GET"],
      // The table names only the serving resource; its verb is not given, ANY is assumed.
      "/things/{proxy+}": ["ANY"],
    },
    rows: [
      { verb: "GET", path: "/users/me", servedBy: "/users/{userId}", pathParameters: { userId: "me" } },
      { verb: "PATCH", path: "/users/me", servedBy: "/users/me" },
      { verb: "GET", path: "/users/abc123", servedBy: "/users/{userId}", pathParameters: { userId: "abc123" } },
      { verb: "POST", path: "/users/me", servedBy: null },
      { verb: "POST", path: "/roles/provision", servedBy: "/roles/provision" },
      { verb: "GET", path: "/roles/provision", servedBy: "/roles/{roleId}", pathParameters: { roleId: "provision" } },
      { verb: "GET", path: "/things/real", servedBy: "/things/real" },
      { verb: "POST", path: "/things/real", servedBy: "/things/{proxy+}", pathParameters: { proxy: "real" } },
    ],
  },
  {
    // Description's AWS compatibility table: us-west-2, /users/{userId} GET and /users/me PATCH.
    source: "floci PR #3547 (https://github.com/floci-io/floci/pull/3547), AWS compatibility table",
    resources: { "/users/{userId}": ["GET"], "/users/me": ["PATCH"] },
    rows: [{ verb: "POST", path: "/users/me", servedBy: null }],
  },
];
