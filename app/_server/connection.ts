import "server-only";
import { parseConnectionId } from "@/lib/aws/connections/connection-id";
import { openConnection, type Connection } from "@/lib/aws/connections/connection";
import type { UiError } from "@/app/actions/types";
import { invalidConnection, toUiError } from "./ui-error";

export type OpenResult = { ok: true; connection: Connection } | { ok: false; error: UiError };

/** Opens a connection from the id in a URL; a malformed id or missing profile is an expected error. */
export async function openConnectionById(id: string): Promise<OpenResult> {
  const parsed = parseConnectionId(id);
  if (!parsed.ok) return { ok: false, error: invalidConnection(`Connection "${id}" is not valid: ${parsed.error}.`) };
  const opened = await openConnection(parsed.spec);
  return opened.ok ? opened : { ok: false, error: toUiError(opened.error) };
}
