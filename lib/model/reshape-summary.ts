import { AUTHORIZATION_TYPES, HTTP_VERBS, type AuthorizationType, type DeployedMethodSummary } from "@/lib/model/types";
import type { DeployedVerbs } from "@/lib/model/deployed-paths";
import type { RawDeployedMethod, RawDeployment } from "@/lib/model/raw-snapshot";
import { comparePaths, isAuthorizationType, isHttpVerb, toAuthorizationType } from "@/lib/model/reshape-resources";

/*
 * A deployment's API summary (GetDeployment embed=apisummary: path → verb → authorization type and API key,
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html) as the model holds it: paths in path order,
 * verbs in verb order, only known verbs, known authorization types. A Map, from which the model's record is made when
 * first read (deployed-paths.ts).
 *
 * Every path of a 10,000-method deployment has its own verbs record in the raw summary, but only a handful of distinct
 * ones exist (GET with no authorization, GET and OPTIONS with none, …). Each distinct record is built once per summary
 * and shared by every path that has it, frozen like the per-method summaries it holds: models are read-only once
 * normalized (issue 16, `npm run bench:core`: 6,667 records and their key lists were most of the deployment's reshape).
 */

type Verbs = DeployedVerbs;

// A deployed method's summary is one of eight values; each is one shared frozen object rather than a copy per method.
const SUMMARIES: ReadonlyArray<Readonly<DeployedMethodSummary>> = AUTHORIZATION_TYPES.flatMap((authorizationType) =>
  [false, true].map((apiKeyRequired) => Object.freeze({ authorizationType, apiKeyRequired })),
);

function summaryIndex(authorizationType: AuthorizationType, apiKeyRequired: boolean): number {
  return AUTHORIZATION_TYPES.indexOf(authorizationType) * 2 + (apiKeyRequired ? 1 : 0);
}

// A verbs record is named by a number: per verb rank (HTTP_VERBS order), 0 for absent or 1 + its summary's index.
const BASE = SUMMARIES.length + 1;

/**
 * The summary of one deployment. Warnings (an unknown authorization type) are said per path, then per verb in verb
 * order, as before.
 */
export function reshapeSummary(raw: RawDeployment["apiSummary"], warn: (m: string) => void): Map<string, DeployedVerbs> {
  const apiSummary = new Map<string, DeployedVerbs>();
  if (raw == null) return apiSummary;
  const paths = Object.keys(raw);
  // In path order already as the reader and the templates give it; sorted only when not.
  for (let i = 1; i < paths.length; i++) {
    if (comparePaths(paths[i - 1]!, paths[i]!) > 0) {
      paths.sort(comparePaths);
      break;
    }
  }
  const shared = new Map<number, Verbs>();
  // Per verb rank, the raw summary of the path being read (reused from path to path: no list per path).
  const byRank: Array<RawDeployedMethod | undefined | null> = new Array(HTTP_VERBS.length).fill(null);
  for (const path of paths) {
    const rawVerbs = raw[path] ?? {};
    let present = 0;
    for (const verb in rawVerbs) {
      if (!Object.hasOwn(rawVerbs, verb) || !isHttpVerb(verb)) continue;
      const rank = HTTP_VERBS.indexOf(verb);
      byRank[rank] = rawVerbs[verb];
      present |= 1 << rank;
    }
    let name = 0;
    let plain = true;
    for (let rank = HTTP_VERBS.length - 1; rank >= 0; rank--) {
      name *= BASE;
      if ((present & (1 << rank)) === 0) continue;
      const summary = byRank[rank];
      const given = summary?.authorizationType;
      const apiKeyRequired = summary?.apiKeyRequired ?? false;
      // Anything but a known type (or none) and a boolean is built on its own below, with its warning said there.
      if ((given !== undefined && !isAuthorizationType(given)) || typeof apiKeyRequired !== "boolean") plain = false;
      else name += 1 + summaryIndex(given ?? "NONE", apiKeyRequired);
    }
    let verbs = plain ? shared.get(name) : undefined;
    if (verbs === undefined) {
      verbs = verbsRecord(byRank, present, path, warn);
      if (plain) shared.set(name, Object.freeze(verbs));
    }
    apiSummary.set(path, verbs);
    for (let rank = 0; rank < HTTP_VERBS.length; rank++) byRank[rank] = null;
  }
  return apiSummary;
}

function verbsRecord(
  byRank: ReadonlyArray<RawDeployedMethod | undefined | null>,
  present: number,
  path: string,
  warn: (m: string) => void,
): Verbs {
  const verbs: Verbs = {};
  for (let rank = 0; rank < HTTP_VERBS.length; rank++) {
    if ((present & (1 << rank)) === 0) continue;
    const verb = HTTP_VERBS[rank]!;
    const summary = byRank[rank];
    const given = summary?.authorizationType;
    const authorizationType: AuthorizationType =
      given !== undefined && isAuthorizationType(given) ? given : toAuthorizationType(given, warn, `Deployed ${verb} ${path}`);
    const apiKeyRequired = summary?.apiKeyRequired ?? false;
    verbs[verb] =
      typeof apiKeyRequired === "boolean"
        ? SUMMARIES[summaryIndex(authorizationType, apiKeyRequired)]!
        : { authorizationType, apiKeyRequired };
  }
  return verbs;
}
