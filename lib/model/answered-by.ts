import { ModelMemo } from "@/lib/model/model-memo";
import { deployedPaths, summaryIdentity } from "@/lib/model/deployed-paths";
import { forEachOwnPath, matchTemplate, templateKeys, type RouteMatch } from "@/lib/routing/own-path-routes";
import { buildRouteTree, type RoutableResource, type RouteTree } from "@/lib/routing/resolve-route";
import { verbBit } from "@/lib/model/verb-bits";
import {
  HTTP_VERBS,
  type ApiModel,
  type DeployedMethodSummary,
  type DeploymentModel,
  type HttpVerb,
  type MethodModel,
  type ResourceModel,
} from "@/lib/model/types";

/**
 * Which method answers a request to a resource's path, per verb: a derived view of the model computed with the
 * routing function the emulator's data plane uses (`lib/routing/resolve-route.ts`, where the measurements are
 * cited). API Gateway resolves the resource and the method as a pair, so `OPTIONS /orders` on a resource without
 * OPTIONS or ANY is answered by a `{param}` sibling or a greedy ancestor that has one, and only when nothing in the
 * tree has the verb is it 403 Missing Authentication Token. Derived, not stored: a stored audit (whatever Preflight
 * version wrote it) gets the same answer, and the share schema has nothing to keep in step.
 *
 * A template's `{param}` and `{proxy+}` segments stand for a value no literal sibling has: the generic request.
 */
export interface AnsweringMethod {
  resource: ResourceModel;
  method: MethodModel;
  /** True when the method belongs to another resource than the one asked about (a fall-through). */
  elsewhere: boolean;
}

interface Routable {
  path: string;
  verbs: readonly string[];
  resource: ResourceModel;
  /** The resource's index in the list the tree was built from. */
  position: number;
  /** resource.methods, and where the first method of each verb is in it (methodSlots), read in the one pass over them. */
  methods: readonly MethodModel[];
  slots: number;
}

// Models are immutable once normalized, so each resource list (and each deployment's summary) gets its tree once, and
// each question its answer once: several rules ask `OPTIONS <path>` of every resource (issue 16, `npm run bench:core`).
// The first question for a verb answers it for every resource's own path in one walk of the tree (forEachOwnPath in
// lib/routing/own-path-routes.ts); any other path gets one search. The answers are shared, so callers must not modify
// them. The memo of other paths is bounded (a caller asking about arbitrary paths cannot grow it forever).
const MAX_MEMOISED_ANSWERS = 100_000;

interface Routes<R extends RoutableResource, A> {
  tree: RouteTree<R>;
  /** The answer for the path asked about, from the resource that answers it (undefined: no route). */
  toAnswer: (match: RouteMatch<R> | undefined, path: string) => A | undefined;
  /** Fills `into` with the answer for every own path of the tree (the walk, or what the walk left by position). */
  ownAnswers: (verb: HttpVerb, into: Map<string, A | null>) => void;
  /** Per verb, path → answer; null is a known "no route", so a miss is a path not asked yet. */
  byVerb: Map<string, Map<string, A | null>>;
}

/** Fills `into` from one walk of the tree: a path string reaches one node (or one greedy child), so each is answered once. */
function walkedAnswers<R extends RoutableResource, A>(routes: Routes<R, A>, verb: HttpVerb, into: Map<string, A | null>): void {
  forEachOwnPath(routes.tree, verb, (resource, match) => into.set(resource.path, routes.toAnswer(match, resource.path) ?? null));
}

function answerFor<R extends RoutableResource, A>(routes: Routes<R, A>, path: string, verb: HttpVerb): A | undefined {
  let answers = routes.byVerb.get(verb);
  if (!answers) {
    const filled = new Map<string, A | null>();
    routes.ownAnswers(verb, filled);
    routes.byVerb.set(verb, (answers = filled));
  }
  const known = answers.get(path);
  if (known !== undefined) return known ?? undefined;
  // Not a resource's own path as written (an intermediate, a path the tree does not hold, `/a/` for `/a`).
  const found = routes.toAnswer(matchTemplate(routes.tree, templateKeys(path), verb), path);
  if (answers.size < MAX_MEMOISED_ANSWERS) answers.set(path, found ?? null);
  return found;
}

/**
 * The draft's routes, with the walk's answers kept by the resource's position in the list: the rules ask about each
 * resource in turn, in list order (one rule after the other), so the question after the last one asked is about a
 * resource a few positions on, found by comparing its path, not through a map of every path: building that map was
 * the largest part of routing (issue 16). The map (answerFor) is still made, from the positions, for the first question
 * out of turn. A resource the tree does not hold (the second of two with one path) has no answer at its position:
 * its question goes to the map, which answers as before.
 */
interface DraftRoutes extends Routes<Routable, AnsweringMethod> {
  resources: readonly ResourceModel[];
  /** One per resource, by position. */
  routables: readonly Routable[];
  /** Per verb, the answer for each held resource's own path by position (null: no route; undefined: not held). */
  byPosition: Map<string, (AnsweringMethod | null | undefined)[]>;
  /** Where the next question in list order is expected. */
  next: number;
}

// How far on from the last question the next is looked for: callers skip resources (those without methods, say).
const LOOKAHEAD = 8;

const draftTrees = new ModelMemo<readonly ResourceModel[], DraftRoutes>();

function draftAnswer(match: RouteMatch<Routable> | undefined, path: string): AnsweringMethod | undefined {
  if (!match) return undefined;
  const method = firstMethod(match.resource, match.verb);
  return method ? { resource: match.resource.resource, method, elsewhere: match.resource.path !== path } : undefined;
}

/**
 * Where the first method of each verb is in a resource's list: four bits per verb (its rank in HTTP_VERBS), one more
 * than the method's index, 0 for none. Routing reads a resource's methods once (routable) and finds the answering
 * method from this afterwards, without reading the methods again: on a 10,000-method API each pass over them was
 * mostly waiting for memory (issue 16). NO_SLOTS when a verb is not one of HTTP_VERBS or an index does not fit.
 */
const NO_SLOTS = -1;
const SLOT_BITS = 4;
const SLOT_MASK = 0xf;

/** The first method with the verb, as `methods.find((m) => m.httpMethod === verb)` gives it. */
function firstMethod(routable: Routable, verb: string): MethodModel | undefined {
  if (routable.slots !== NO_SLOTS) {
    const bit = verbBit(verb);
    if (bit === undefined) return undefined; // no method of the resource has it: all its verbs are known ones
    const slot = (routable.slots >>> ((31 - Math.clz32(bit)) * SLOT_BITS)) & SLOT_MASK;
    return slot === 0 ? undefined : routable.methods[slot - 1];
  }
  for (const method of routable.methods) if (method.httpMethod === verb) return method;
  return undefined;
}

function routable(resource: ResourceModel, position: number): Routable {
  const { methods } = resource;
  let bits = 0;
  let slots = 0;
  for (let index = 0; index < methods.length; index++) {
    const verb = (methods[index] as MethodModel).httpMethod;
    const bit = verbBit(verb);
    if (bit === undefined)
      return { path: resource.path, verbs: methods.map((m) => m.httpMethod), resource, position, methods, slots: NO_SLOTS };
    if ((bits & bit) === 0) {
      // The first of its verb: later ones (a duplicated verb) are never the answer.
      if (index + 1 > SLOT_MASK) slots = NO_SLOTS;
      else if (slots !== NO_SLOTS) slots |= (index + 1) << ((31 - Math.clz32(bit)) * SLOT_BITS);
    }
    bits |= bit;
  }
  return { path: resource.path, verbs: verbList(bits), resource, position, methods, slots };
}

// Routing asks a resource's verbs only whether they include one (lib/routing declared), so resources with the same
// set of verbs share one frozen list, picked by a bit per verb, instead of a new array per resource and tree (issue
// 16). A verb outside HTTP_VERBS (not from the normaliser, which drops them) gets a list of its own.
const VERB_LISTS: (readonly HttpVerb[] | undefined)[] = [];

function verbList(bits: number): readonly HttpVerb[] {
  let list = VERB_LISTS[bits];
  if (!list) VERB_LISTS[bits] = list = Object.freeze(HTTP_VERBS.filter((verb) => (bits & (verbBit(verb) ?? 0)) !== 0));
  return list;
}

/** The verbs of one path of a deployment's summary: its own keys, as Object.keys lists them, as a shared list. */
function deployedVerbs(verbs: Partial<Record<HttpVerb, DeployedMethodSummary>>): readonly string[] {
  let bits = 0;
  for (const verb in verbs) {
    const bit = verbBit(verb);
    if (bit === undefined || !Object.hasOwn(verbs, verb)) return Object.keys(verbs);
    bits |= bit;
  }
  return verbList(bits);
}

function draftRoutes(resources: readonly ResourceModel[]): DraftRoutes {
  let routes = draftTrees.get(resources);
  if (!routes) {
    const routables = resources.map(routable);
    const draft: DraftRoutes = {
      tree: buildRouteTree(routables),
      routables,
      toAnswer: draftAnswer,
      ownAnswers: (verb, into) => {
        const answers = positionAnswers(draft, verb);
        for (let position = 0; position < answers.length; position++) {
          const answer = answers[position];
          if (answer !== undefined) into.set((resources[position] as ResourceModel).path, answer);
        }
      },
      byVerb: new Map(),
      resources,
      byPosition: new Map(),
      next: 0,
    };
    draftTrees.set(resources, (routes = draft));
  }
  return routes;
}

/** The walk's answers for a verb by position, made on the verb's first question. */
function positionAnswers(routes: DraftRoutes, verb: HttpVerb): (AnsweringMethod | null | undefined)[] {
  let answers = routes.byPosition.get(verb);
  if (!answers) {
    const filled = new Array<AnsweringMethod | null | undefined>(routes.resources.length);
    // A path string reaches one node (or one greedy child), so each held resource is answered once here.
    forEachOwnPath(routes.tree, verb, (resource, match) => {
      filled[resource.position] = draftAnswer(match, resource.path) ?? null;
    });
    routes.byPosition.set(verb, (answers = filled));
  }
  return answers;
}

/**
 * `visit(resource, answeredBy(model, resource.path, verb))` for each resource of model.resources that has methods, in
 * list order: for callers that ask about every resource (preflight-callers.ts), from the routes' own record of each
 * resource (its methods counted when the tree was built), without reading the resources again.
 */
export function forEachAnswered(
  model: Pick<ApiModel, "resources">,
  verb: HttpVerb,
  visit: (resource: ResourceModel, answer: AnsweringMethod | undefined) => void,
): void {
  const routes = draftRoutes(model.resources);
  const answers = positionAnswers(routes, verb);
  const { routables } = routes;
  for (let position = 0; position < routables.length; position++) {
    const routable = routables[position] as Routable;
    if (routable.methods.length === 0) continue;
    const known = answers[position];
    // A resource the tree does not hold (a second one with the same path) is answered through the map, as answeredBy does.
    visit(routable.resource, known === undefined ? answerFor(routes, routable.path, verb) : (known ?? undefined));
  }
}

/** The draft's answer to `verb path`; undefined when API Gateway would answer 403 Missing Authentication Token. */
export function answeredBy(model: Pick<ApiModel, "resources">, path: string, verb: HttpVerb): AnsweringMethod | undefined {
  const routes = draftRoutes(model.resources);
  const answers = positionAnswers(routes, verb);
  const { resources } = routes;
  const count = resources.length;
  // The list in turn, wrapping round to its start: the next rule asks from the first resource again.
  let at = routes.next;
  for (let step = 0; step < LOOKAHEAD && step < count; step++, at++) {
    if (at >= count) at = 0;
    if ((resources[at] as ResourceModel).path !== path) continue;
    const known = answers[at];
    if (known === undefined) break; // not the resource the tree holds for this path: the map knows which is
    routes.next = at + 1;
    return known ?? undefined;
  }
  return answerFor(routes, path, verb);
}

export interface DeployedAnswer {
  /** The path of the resource whose method answers. */
  path: string;
  httpMethod: HttpVerb;
  summary: DeployedMethodSummary;
  elsewhere: boolean;
}

const deployedTrees = new ModelMemo<object, Routes<RoutableResource, DeployedAnswer>>();

/** The same resolution over what a stage's deployment serves (GetDeployment embed=apisummary), memoised the same way. */
export function answeredByDeployment(deployment: DeploymentModel, path: string, verb: HttpVerb): DeployedAnswer | undefined {
  const identity = summaryIdentity(deployment);
  let routes = deployedTrees.get(identity);
  if (!routes) {
    const summary = deployedPaths(deployment);
    const routables: RoutableResource[] = [];
    for (const [summaryPath, verbs] of summary) routables.push({ path: summaryPath, verbs: deployedVerbs(verbs ?? {}) });
    const tree = buildRouteTree(routables);
    const toAnswer = (match: RouteMatch<RoutableResource> | undefined, asked: string): DeployedAnswer | undefined => {
      if (!match) return undefined;
      const httpMethod = match.verb as HttpVerb;
      const served = summary.get(match.resource.path)?.[httpMethod];
      return served ? { path: match.resource.path, httpMethod, summary: served, elsewhere: match.resource.path !== asked } : undefined;
    };
    const deployed: Routes<RoutableResource, DeployedAnswer> = {
      tree,
      toAnswer,
      ownAnswers: (verb, into) => walkedAnswers(deployed, verb, into),
      byVerb: new Map(),
    };
    deployedTrees.set(identity, (routes = deployed));
  }
  return answerFor(routes, path, verb);
}
