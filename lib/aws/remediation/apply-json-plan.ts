import "server-only";
import {
  CreateDeploymentCommand,
  FlushStageAuthorizersCacheCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateAuthorizerCommand,
  UpdateIntegrationCommand,
  UpdateIntegrationResponseCommand,
  UpdateMethodCommand,
  UpdateMethodResponseCommand,
  UpdateStageCommand,
  UpdateRestApiCommand,
  type APIGatewayClient,
} from "@aws-sdk/client-api-gateway";
import type { ApiCommand, ApiInput } from "@/lib/remediation/formats/api-calls";
import { JSON_PLAN_VERSION, type JsonPlan } from "@/lib/remediation/formats/sdk-json";

/**
 * Applies a JSON remediation plan with the API Gateway SDK, in order. It lives in lib/aws because it sends
 * SDK commands; lib/remediation only builds the plan (intentToApiSteps, in the SDK's own shapes). A plan read
 * from a file is checked for a known version and known command names before anything is sent.
 */
type Send = (client: APIGatewayClient, input: ApiInput) => Promise<unknown>;

// The casts are the boundary between the plan's JSON and the SDK's input types (same field names).
const COMMANDS: Record<ApiCommand, Send> = {
  UpdateMethodCommand: (client, input) => client.send(new UpdateMethodCommand(input as never)),
  PutMethodCommand: (client, input) => client.send(new PutMethodCommand(input as never)),
  GetMethodCommand: (client, input) => client.send(new GetMethodCommand(input as never)),
  PutIntegrationCommand: (client, input) => client.send(new PutIntegrationCommand(input as never)),
  UpdateIntegrationCommand: (client, input) => client.send(new UpdateIntegrationCommand(input as never)),
  PutMethodResponseCommand: (client, input) => client.send(new PutMethodResponseCommand(input as never)),
  GetMethodResponseCommand: (client, input) => client.send(new GetMethodResponseCommand(input as never)),
  UpdateMethodResponseCommand: (client, input) => client.send(new UpdateMethodResponseCommand(input as never)),
  PutIntegrationResponseCommand: (client, input) => client.send(new PutIntegrationResponseCommand(input as never)),
  UpdateIntegrationResponseCommand: (client, input) => client.send(new UpdateIntegrationResponseCommand(input as never)),
  PutGatewayResponseCommand: (client, input) => client.send(new PutGatewayResponseCommand(input as never)),
  UpdateAuthorizerCommand: (client, input) => client.send(new UpdateAuthorizerCommand(input as never)),
  UpdateStageCommand: (client, input) => client.send(new UpdateStageCommand(input as never)),
  UpdateRestApiCommand: (client, input) => client.send(new UpdateRestApiCommand(input as never)),
  CreateDeploymentCommand: (client, input) => client.send(new CreateDeploymentCommand(input as never)),
  FlushStageAuthorizersCacheCommand: (client, input) => client.send(new FlushStageAuthorizersCacheCommand(input as never)),
};

export interface AppliedStep {
  description: string;
  command: ApiCommand;
  outcome: "applied" | "skipped-exists";
}

export interface ApplyResult {
  applied: AppliedStep[];
  /** Steps no API call makes (e.g. deploying new authorizer code); the caller shows them to the user. */
  manual: string[];
}

export class PlanStepError extends Error {
  constructor(
    readonly stepIndex: number,
    readonly description: string,
    override readonly cause: unknown,
  ) {
    super(`Step ${stepIndex + 1} (${description}) failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "PlanStepError";
  }

  static is(error: unknown): error is PlanStepError {
    return error instanceof PlanStepError;
  }
}

export function validateJsonPlan(plan: unknown): JsonPlan {
  if (typeof plan !== "object" || plan === null) throw new Error("A remediation plan must be a JSON object.");
  const candidate = plan as Partial<JsonPlan>;
  if (candidate.planVersion !== JSON_PLAN_VERSION)
    throw new Error(`Unsupported remediation plan version ${String(candidate.planVersion)} (expected ${JSON_PLAN_VERSION}).`);
  if (!Array.isArray(candidate.steps)) throw new Error("A remediation plan needs a steps array.");
  candidate.steps.forEach((step, index) => {
    if (step.type === "manual") return;
    if (step.type !== "call" || !(step.command in COMMANDS))
      throw new Error(`Step ${index + 1} has an unknown command ${String((step as { command?: unknown }).command)}.`);
    if (typeof step.input !== "object" || step.input === null) throw new Error(`Step ${index + 1} has no input object.`);
    if (step.skipIfFound && !(step.skipIfFound.command in COMMANDS))
      throw new Error(`Step ${index + 1} has an unknown skipIfFound command.`);
  });
  return candidate as JsonPlan;
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "NotFoundException";
}

export async function applyJsonPlan(client: APIGatewayClient, planInput: unknown): Promise<ApplyResult> {
  const plan = validateJsonPlan(planInput);
  const result: ApplyResult = { applied: [], manual: [] };
  for (const [index, step] of plan.steps.entries()) {
    if (step.type === "manual") {
      result.manual.push(step.description);
      continue;
    }
    try {
      if (step.skipIfFound) {
        const found = await COMMANDS[step.skipIfFound.command](client, step.skipIfFound.input).then(
          () => true,
          (error: unknown) => {
            if (isNotFound(error)) return false;
            throw error;
          },
        );
        if (found) {
          result.applied.push({ description: step.description, command: step.command, outcome: "skipped-exists" });
          continue;
        }
      }
      await COMMANDS[step.command](client, step.input);
      result.applied.push({ description: step.description, command: step.command, outcome: "applied" });
    } catch (error) {
      throw new PlanStepError(index, step.description, error);
    }
  }
  return result;
}
