import packageJson from "@/package.json";

// Readiness probe for tests and deployments: answers once the server can render routes.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", name: "preflight", version: packageJson.version });
}
