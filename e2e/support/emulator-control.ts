import { E2E_EMULATOR_URL } from "./servers";

/** The emulator's out-of-process fault injection (lib/emulator/SPEC.md, "Out-of-process control"). */
export async function addFault(fault: {
  operation: string;
  kind: "AccessDenied" | "Unauthorized" | "InternalError" | "Throttle" | "Drop" | "Slow";
  times?: number;
  delayMs?: number;
}) {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (response.status !== 201) throw new Error(`adding fault failed: ${response.status} ${await response.text()}`);
}

export async function clearFaults() {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  if (!response.ok) throw new Error(`clearing faults failed: ${response.status}`);
}
