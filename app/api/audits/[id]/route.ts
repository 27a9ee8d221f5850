import { findStoredAudit } from "@/app/_server/share";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";

export const dynamic = "force-dynamic";

/** The stored snapshot as JSON (already redacted when it was stored); 404 for unknown, expired or malformed ids. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const stored = await findStoredAudit((await params).id);
  if (!stored) return Response.json({ error: "No shared audit with this id; it may have been deleted or expired." }, { status: 404 });
  return Response.json(
    { id: stored.id, createdAt: stored.createdAt, ...(stored.expiresAt ? { expiresAt: stored.expiresAt } : {}), ...stored.snapshot },
    {
      headers: {
        "Content-Disposition": `attachment; filename="preflight-audit-${fileNamePart(stored.snapshot.report.api.id)}-${fileNamePart(stored.id)}.json"`,
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex",
      },
    },
  );
}
