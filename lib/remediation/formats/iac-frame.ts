import type { RemediationContext } from "@/lib/remediation/context";
import { DesiredState } from "@/lib/remediation/desired-state";
import { dedupePermissions, iamForPath, type IamPermission } from "@/lib/remediation/iam";
import { assertNever, type RemoveStageCanaryIntent } from "@/lib/remediation/intents";
import type { RemediationPlan } from "@/lib/remediation/plan";
import { canaryShare } from "@/lib/remediation/formats/api-calls";
import { bashWord } from "@/lib/remediation/formats/literals/bash";
import { commentText } from "@/lib/remediation/formats/literals/comment";

/**
 * The frame every infrastructure-as-code renderer (CloudFormation, SAM, Terraform, CDK) shares: the plan
 * folded into the desired end state, the permissions and manual steps collected while rendering, the
 * authorizer-cache flush no declarative tool can do, and the header comment that lists both. A format adds
 * only what is specific to it: how each desired method, response, authorizer and stage is written.
 *
 *     const frame = new IacFrame(plan);
 *     ... render frame.state, pushing to frame.permissions and frame.manual ...
 *     const { header, iam } = frame.finish({ comment: "#", ... });
 */
export class IacFrame {
  readonly ctx: RemediationContext;
  readonly state: DesiredState;
  /** Stages to redeploy and stages whose authorizer cache to flush, each once. */
  readonly redeploy: string[];
  readonly flush: string[];
  /** Canaries to remove after deploying, one per stage. */
  readonly canaries: RemoveStageCanaryIntent[];
  /** What applying the snippet needs, and what the format cannot express (listed in the header). */
  readonly permissions: IamPermission[] = [];
  readonly manual: string[] = [];
  private readonly notes: string[];

  constructor(plan: RemediationPlan) {
    this.ctx = plan.ctx;
    const collected = collectDesiredState(plan);
    this.state = collected.state;
    this.notes = collected.notes;
    this.redeploy = collected.redeploy;
    this.flush = collected.flush;
    this.canaries = collected.canaries;
  }

  /** The API's own IAM resource path, e.g. "/restapis/a1b2c3d4e5". */
  get apiPath(): string {
    return `/restapis/${this.ctx.apiId}`;
  }

  /** Adds the permissions for one API Gateway resource path under the API, e.g. ("/gatewayresponses/UNAUTHORIZED", ["GET", "PUT"]). */
  permit(pathUnderApi: string, methods: Parameters<typeof iamForPath>[2]): void {
    this.permissions.push(...iamForPath(this.ctx.region, `${this.apiPath}${pathUnderApi}`, methods));
  }

  /**
   * Closes the frame: the cache flush after deploying and the plan's notes join the manual steps, and the
   * header comment lists the deduplicated permissions (the format's deploy permissions last) and every step.
   */
  finish(options: IacHeaderOptions): { header: string[]; iam: IamPermission[] } {
    const flushing = flushAfterDeploy(this.ctx, this.flush, options.deployCommand);
    this.manual.push(...flushing.manual, ...this.notes);
    const iam = dedupePermissions([...this.permissions, ...flushing.permissions, ...(options.deployPermissions ?? [])]);
    const c = options.comment;
    // Every line is commentText: names, paths and stages come from the audited account.
    const header = [
      `${c} ${commentText(`Preflight remediation for API Gateway REST API "${this.ctx.apiName}" (${this.ctx.apiId}) in ${this.ctx.region}: ${options.title}.`)}`,
      ...options.intro.map((line) => `${c} ${commentText(line)}`),
      c,
      `${c} ${options.permissionsHeading}`,
      ...iam.map((permission) => `${c}   ${commentText(`${permission.action} on ${permission.resource}`)}`),
      ...(this.manual.length > 0
        ? [c, `${c} ${options.manualHeading}`, ...this.manual.map((line) => `${c}   - ${commentText(line)}`)]
        : []),
    ];
    return { header, iam };
  }
}

export interface IacHeaderOptions {
  /** The format's line comment: "#" or "//". */
  comment: string;
  /** Ends the first line, e.g. "CloudFormation". */
  title: string;
  /** Lines after the title: where to merge the snippet. */
  intro: string[];
  /** e.g. "IAM permissions to deploy it:" */
  permissionsHeading: string;
  /** e.g. "Not expressible in CloudFormation (do these by hand):" */
  manualHeading: string;
  /** Named in the flush step: "After <deployCommand>, flush ...". */
  deployCommand: string;
  /** What the deployment tool itself needs (CloudFormation change sets, CDK bootstrap roles). */
  deployPermissions?: IamPermission[];
}

/**
 * Folds the plan's steps into the desired end state of each method, gateway response, authorizer and stage
 * setting, which the declarative formats write out. One case per intent kind: a new intent fails to compile
 * here until it says where it lands.
 */
export function collectDesiredState(plan: RemediationPlan): {
  state: DesiredState;
  notes: string[];
  redeploy: string[];
  flush: string[];
  canaries: RemoveStageCanaryIntent[];
} {
  const state = new DesiredState(plan.ctx);
  const notes: string[] = [];
  const redeploy: string[] = [];
  const flush: string[] = [];
  const canaries = new Map<string, RemoveStageCanaryIntent>();
  for (const { intent } of plan.steps) {
    switch (intent.kind) {
      case "set-method-authorization":
        state.setAuthorization(intent);
        break;
      case "set-method-api-key-required":
        state.setApiKeyRequired(intent);
        break;
      case "add-cors-preflight":
        state.addCorsPreflight(intent);
        break;
      case "set-preflight-headers":
        state.setPreflightHeaders(intent);
        break;
      case "replace-preflight-integration-with-mock":
        state.replaceWithMock(intent);
        break;
      case "add-cache-key-parameter":
        state.addCacheKeyParameter(intent);
        break;
      case "set-integration-content-handling":
        state.setContentHandling(intent);
        break;
      case "set-rest-api-policy":
        state.restApiPolicy = intent;
        break;
      case "clear-method-request-validator":
        state.clearRequestValidator(intent);
        break;
      case "add-gateway-response-cors":
        state.addGatewayResponseCors(intent);
        break;
      case "add-method-response-cors-origin":
        state.addMethodResponseCorsOrigin(intent);
        break;
      case "set-authorizer-ttl":
        state.setAuthorizerTtl(intent);
        break;
      case "widen-authorizer-policy":
        notes.push(
          `Authorizer ${intent.authorizerName}: deploy the updated Lambda code (authorizer files in this bundle) so its policy covers ${intent.resourceArnPattern}.`,
        );
        break;
      case "set-stage-method-setting":
        state.setStageSetting(intent);
        break;
      case "redeploy-stage":
        redeploy.push(intent.stage);
        break;
      case "flush-authorizer-cache":
        flush.push(intent.stage);
        break;
      case "remove-stage-canary":
        canaries.set(intent.stage, intent);
        break;
      default:
        assertNever(intent);
    }
  }
  return { state, notes, redeploy: [...new Set(redeploy)], flush: [...new Set(flush)], canaries: [...canaries.values()] };
}

/**
 * The AWS CLI call that removes a stage's canary (UpdateStage `remove /canarySettings`,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/delete-canary-deployment.html). Every IaC format
 * names it: a canary made outside the stack or configuration (console, CLI, another pipeline) is not in the
 * template, so deleting its property there does not touch it.
 */
export function removeCanaryCommand(ctx: RemediationContext, stage: string): string {
  return `aws apigateway update-stage --region ${bashWord(ctx.region)} --rest-api-id ${bashWord(ctx.apiId)} --stage-name ${bashWord(stage)} --patch-operations op=remove,path=/canarySettings`;
}

/** "Stage prod still sends 10 % of its requests to its canary (deployment d3), which has the problem". */
export function canaryWords(intent: RemoveStageCanaryIntent): string {
  return `Stage ${intent.stage} still sends ${canaryShare(intent.percentTraffic)} of its requests to its canary (deployment ${intent.canaryDeploymentId}), which has the problem`;
}

/** Declarative tools cannot flush the authorizer cache: each IaC format tells the user to, after deploying. */
export function flushAfterDeploy(
  ctx: RemediationContext,
  stages: readonly string[],
  deployCommand: string,
): { manual: string[]; permissions: IamPermission[] } {
  return {
    manual: stages.map(
      (stage) =>
        `After ${deployCommand}, flush cached authorizer policies: aws apigateway flush-stage-authorizers-cache --region ${bashWord(ctx.region)} --rest-api-id ${bashWord(ctx.apiId)} --stage-name ${bashWord(stage)}`,
    ),
    permissions: stages.flatMap((stage) => iamForPath(ctx.region, `/restapis/${ctx.apiId}/stages/${stage}/cache/authorizers`, ["DELETE"])),
  };
}

/** What deploying a stack change needs from CloudFormation itself (CloudFormation, SAM and CDK deployments). */
export function cloudFormationDeployPermissions(ctx: RemediationContext): IamPermission[] {
  return [
    "cloudformation:CreateChangeSet",
    "cloudformation:ExecuteChangeSet",
    "cloudformation:DescribeChangeSet",
    "cloudformation:DescribeStacks",
  ].map((action) => ({
    action,
    resource: `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/*`,
  }));
}

/** A short stable hash (FNV-1a), so a changed set of fixes gets a new Deployment logical id (CloudFormation, CDK). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
