import "server-only";
import { z } from "zod";
import { parseConnectionId } from "@/lib/aws/connections/connection-id";

// API Gateway REST API ids are 10 lowercase alphanumerics; the bound is looser so emulator and future ids pass.
export const auditTargetSchema = z.object({
  connection: z
    .string()
    .trim()
    .min(1, "missing connection")
    .max(512)
    .superRefine((value, ctx) => {
      const parsed = parseConnectionId(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `not a connection id: ${parsed.error}` });
    }),
  region: z.string().trim().regex(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, "not an AWS region"),
  apiId: z.string().trim().regex(/^[A-Za-z0-9]{1,64}$/, "not an API id"),
});

export type AuditTarget = z.infer<typeof auditTargetSchema>;
