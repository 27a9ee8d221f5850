import "server-only";
import { z } from "zod";
import { parseConnectionId } from "@/lib/aws/connections/connection-id";
import { REST_API_ID_PATTERN } from "@/lib/model/ids";

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
  region: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, "not an AWS region"),
  apiId: z.string().trim().regex(REST_API_ID_PATTERN, "not an API id"),
});

export type AuditTarget = z.infer<typeof auditTargetSchema>;
