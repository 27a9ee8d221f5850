import type { RemediationPlan } from "@/lib/remediation/plan";
import { describeFindings, groupSteps, PHASE_TITLES } from "@/lib/remediation/plan";
import { intentToApiSteps, type ApiCall, type ApiInput, type ApiStep } from "@/lib/remediation/formats/api-calls";
import { actionsOf, dedupePermissions, iamCommentLines, iamForCall, type IamPermission } from "@/lib/remediation/iam";
import { bashWord } from "@/lib/remediation/formats/literals/bash";
import { commentText } from "@/lib/remediation/formats/literals/comment";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/**
 * AWS CLI v2 bash script. Each API call of the plan becomes `aws apigateway <operation>` with its input as
 * flags (https://docs.aws.amazon.com/cli/latest/reference/apigateway/): scalars as words, booleans as
 * --flag / --no-flag, lists and maps as JSON. Every command goes through `run`, which honours --dry-run.
 */
export function renderAwsCli(plan: RemediationPlan): RenderedSnippet {
  const { ctx } = plan;
  const permissions: IamPermission[] = [];
  const body: string[] = [];
  let section = 0;
  let lastPhase: string | undefined;
  for (const group of groupSteps(plan)) {
    if (group.phase !== lastPhase) {
      section += 1;
      lastPhase = group.phase;
      body.push("", "# " + "-".repeat(76), `# ${section}. ${PHASE_TITLES[group.phase]}`, "# " + "-".repeat(76));
    }
    body.push("");
    for (const line of describeFindings(plan, group.findings)) body.push(`# ${commentText(line)}`);
    for (const step of group.steps) {
      for (const apiStep of intentToApiSteps(step.intent, ctx)) {
        body.push(...renderStep(apiStep));
        if (apiStep.type === "call") permissions.push(...iamForCall(apiStep, ctx.region));
      }
    }
  }
  const iam = dedupePermissions(permissions);
  const header = [
    "#!/usr/bin/env bash",
    `# ${commentText(`Preflight remediation for API Gateway REST API "${ctx.apiName}" (${ctx.apiId}) in ${ctx.region}.`)}`,
    "# Review before running. Usage:",
    `#   ./${filenameFor(ctx.apiId)} [--dry-run]`,
    "#   DRY_RUN=1 prints every command instead of running it.",
    "#   REGION, PROFILE, API_ID and ENDPOINT_URL can be overridden through the environment.",
    "#",
    "# IAM permissions this script needs:",
    ...iamCommentLines(iam).map((line) => `#   ${commentText(line)}`),
    "set -euo pipefail",
    "",
    ...defaultVariable("REGION", ctx.region),
    `PROFILE="\${PROFILE:-}"`,
    ...defaultVariable("API_ID", ctx.apiId),
    `ENDPOINT_URL="\${ENDPOINT_URL:-}"`,
    `DRY_RUN="\${DRY_RUN:-0}"`,
    "",
    'for arg in "$@"; do',
    '  case "$arg" in',
    "    --dry-run) DRY_RUN=1 ;;",
    '    *) echo "Unknown argument: $arg (expected --dry-run)" >&2; exit 2 ;;',
    "  esac",
    "done",
    "",
    "# The CLI pager would stop the script waiting for a key press.",
    'export AWS_PAGER=""',
    'AWS=(aws --region "$REGION" --output json)',
    'if [[ -n "$PROFILE" ]]; then AWS+=(--profile "$PROFILE"); fi',
    'if [[ -n "$ENDPOINT_URL" ]]; then AWS+=(--endpoint-url "$ENDPOINT_URL"); fi',
    "",
    "# Every change goes through run: in a dry run it only prints the command.",
    "run() {",
    '  if [[ "$DRY_RUN" == "1" ]]; then',
    "    printf '+'",
    "    printf ' %q' \"$@\"",
    "    printf '\\n'",
    "  else",
    '    "$@"',
    "  fi",
    "}",
    "",
    "# exists succeeds when a read finds the thing; a dry run reads nothing, so it prints every change.",
    "exists() {",
    '  [[ "$DRY_RUN" != "1" ]] && "$@" >/dev/null 2>&1',
    "}",
  ];
  const footer = ["", 'echo "Done."', ""];
  return {
    format: "aws-cli",
    filename: filenameFor(ctx.apiId),
    language: "bash",
    content: [...header, ...body, ...footer].join("\n"),
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}

function filenameFor(apiId: string): string {
  return `preflight-fix-${fileNamePart(apiId)}.sh`;
}

/**
 * NAME="${NAME:-default}": the environment wins. A default that is not a plain word (a Terraform address as the API id
 * of a template audit) is assigned on its own line as one quoted word, never spliced into the double-quoted expansion.
 */
function defaultVariable(name: string, value: string): string[] {
  if (/^[A-Za-z0-9_.:-]+$/.test(value)) return [`${name}="\${${name}:-${value}}"`];
  return [`${name}="\${${name}:-}"`, `if [[ -z "$${name}" ]]; then ${name}=${bashWord(value)}; fi`];
}

function renderStep(step: ApiStep): string[] {
  if (step.type === "manual") {
    return [
      `# MANUAL STEP: ${commentText(step.description)}`,
      `echo ${bashWord(`MANUAL STEP (not done by this script): ${commentText(step.description)}`)}`,
    ];
  }
  const lines = [`echo ${bashWord(`==> ${commentText(step.description)}`)}`];
  const command = cliCommand(step);
  if (!step.skipIfFound) return [...lines, `run ${command}`];
  const check = cliCommand({ command: step.skipIfFound.command, input: step.skipIfFound.input });
  return [
    ...lines,
    `if exists ${check}; then`,
    `  echo '    already exists, skipped'`,
    "else",
    `  run ${command.replace(/\n/g, "\n  ")}`,
    "fi",
  ];
}

function cliCommand(call: Pick<ApiCall, "command" | "input">): string {
  const operation = kebab(call.command.replace(/Command$/, ""));
  const parts = ['"${AWS[@]}"', "apigateway", operation];
  for (const [key, value] of Object.entries(call.input)) parts.push(...flag(key, value));
  return parts.join(" \\\n    ").replace(`"\${AWS[@]}" \\\n    apigateway \\\n    ${operation}`, `"\${AWS[@]}" apigateway ${operation}`);
}

function flag(key: string, value: ApiInput[string]): string[] {
  const name = `--${kebab(key)}`;
  if (key === "restApiId") return [`${name} "$API_ID"`];
  if (typeof value === "boolean") return [value ? name : `--no-${kebab(key)}`];
  if (typeof value === "number") return [`${name} ${value}`];
  if (typeof value === "string") return [`${name} ${bashWord(value)}`];
  return [`${name} ${bashWord(jsonDocument(value, 0))}`];
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
