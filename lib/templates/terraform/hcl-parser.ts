/**
 * HCL2 parsing for the Terraform reader.
 *
 * Why tree-sitter: the reader needs (1) HCL2 as HashiCorp defines it, (2) the line and column of every block,
 * attribute and expression, and (3) the expression tree itself, because references (`aws_api_gateway_rest_api.x.id`,
 * `var.x`, `local.x`) are followed, not pattern-matched. `@cdktf/hcl2json` (HashiCorp's Go parser as WASM) and
 * `hcl2-parser` (the same via GopherJS) return Terraform-JSON with no positions and every expression flattened back
 * to a `"${…}"` string that would have to be parsed again; hcl2json is also async-only with a Go runtime per process,
 * and CDKTF is sunset. tree-sitter-hcl (tree-sitter-grammars, 100% of a 1,892-file real-world HCL corpus per its
 * README) gives a concrete tree with positions, parses synchronously once loaded, and ships its grammar as WASM run
 * by web-tree-sitter (the tree-sitter project's own runtime): nothing downloads at run time and nothing native
 * is built. The tests cross-check literal values against hcl2json on the corpus.
 *
 * The concrete tree is converted into plain data (hcl-ast.ts) and freed at once (trees live in WASM memory).
 * Loading is async (WASM instantiation); parsing is sync, so readers stay pure functions once `loadHclParser()`
 * has resolved. Both .wasm files are read from the installed packages with `fs`, located through Node's resolver,
 * so the same code works from the CLI (tsx), vitest and the Next.js server (which must leave these packages
 * unbundled: `serverExternalPackages`).
 */
import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Language, Parser, type Node } from "web-tree-sitter";
import { copyTree, TreeTooLarge } from "./syntax-tree";
import type { TemplateError } from "@/lib/templates/types";
import type { HclBody } from "./hcl-ast";
import { parseHclFast } from "./hcl-fast-parser";
import type { ReadNames } from "./read-names";
import { at, Converter, HclSyntaxError, MAX_DEPTH } from "./hcl-convert";
import { shorten } from "./hcl-source";

/** Far above any hand-written .tf file (the largest real ones are a few hundred KiB), far below a slow parse. */
export const MAX_HCL_CHARS = 2 * 1024 * 1024;
/**
 * Parsing stops here whatever the input: a safety net for pathological text under the size cap (a 1.6 MB generated
 * file of 6,000 blocks parses in about 1 s on a shared 2-core machine).
 */
const PARSE_BUDGET_MS = 4000;
/** Syntax-tree nodes copied per file (tokens included: the generated 1,000-resource file has 427,000). */
const TREE_NODE_BUDGET = 1_000_000;
/** Syntax-tree depth: about four tree levels per expression level, plus the block structure. */
const TREE_DEPTH = MAX_DEPTH * 4 + 20;

export type HclParseResult = { ok: true; body: HclBody } | { ok: false; error: TemplateError };

export interface HclParser {
  /** `names`: the read's names, shared by the files of one directory (read-names.ts). */
  parse(file: string, text: string, names?: ReadNames): HclParseResult;
  /** The reference path alone (tree-sitter), for the tests that compare it with the fast path. */
  parseWithTreeSitter(file: string, text: string): HclParseResult;
}

let loading: Promise<HclParser> | undefined;

/** Loads the runtime and grammar once per process; later calls share the same parser. */
export function loadHclParser(): Promise<HclParser> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Node's resolver from this module, else from the working directory (a bundler may have moved this module). */
function resolvePackageFile(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return createRequire(join(process.cwd(), "package.json")).resolve(specifier);
  }
}

async function instantiate(): Promise<HclParser> {
  const runtime = readFileSync(resolvePackageFile("web-tree-sitter/web-tree-sitter.wasm"));
  await Parser.init({ wasmBinary: runtime as unknown as ArrayBuffer });
  const grammar = readFileSync(resolvePackageFile("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm"));
  const language = await Language.load(new Uint8Array(grammar));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse: (file, text, names) => parseHcl(parser, file, text, true, names),
    parseWithTreeSitter: (file, text) => parseHcl(parser, file, text, false),
  };
}

function parseHcl(parser: Parser, file: string, text: string, fast: boolean, names?: ReadNames): HclParseResult {
  if (text.includes("\u0000")) return { ok: false, error: { message: `${file}: a binary file, not Terraform HCL` } };
  if (text.length > MAX_HCL_CHARS) {
    const mib = (text.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      error: { message: `${file}: ${mib} MiB is over the ${MAX_HCL_CHARS / 1024 / 1024} MiB read for one Terraform file` },
    };
  }
  // The common subset is read directly (hcl-fast-parser.ts); anything else, errors included, by tree-sitter.
  const direct = fast ? parseHclFast(file, text, names) : undefined;
  if (direct) return { ok: true, body: direct };
  const started = performance.now();
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() - started > PARSE_BUDGET_MS });
  if (!tree) {
    // A cancelled parse resumes on the next call unless the parser is reset (tree-sitter's documented behaviour).
    parser.reset();
    return { ok: false, error: { message: `${file}: parsing took longer than ${PARSE_BUDGET_MS} ms; not read` } };
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const position = at(file, bad ?? root);
      const reason = bad?.isMissing ? `expected "${bad.type}"` : `invalid HCL near ${JSON.stringify(shorten((bad ?? root).text, 40))}`;
      return { ok: false, error: { message: `${file}:${position.line}:${position.column}: ${reason}`, position } };
    }
    const converter = new Converter(file, text);
    const plain = copyTree(tree, text, { maxDepth: TREE_DEPTH, maxNodes: TREE_NODE_BUDGET });
    const bodyNode = plain.namedChildren.find((c) => c.type === "body");
    if (!bodyNode) {
      if (plain.namedChildren.some((c) => c.type === "object")) {
        return {
          ok: false,
          error: { message: `${file}:1:1: an object, not a Terraform configuration`, position: { file, line: 1, column: 1 } },
        };
      }
      return { ok: true, body: { attributes: [], blocks: [] } };
    }
    return { ok: true, body: converter.body(bodyNode) };
  } catch (error) {
    if (error instanceof TreeTooLarge) {
      const p = { file, line: error.at.row + 1, column: error.at.column + 1 };
      const reason =
        error.reason === "depth"
          ? `expressions nested deeper than ${MAX_DEPTH} levels`
          : `more than ${TREE_NODE_BUDGET} syntax nodes in one file`;
      return { ok: false, error: { message: `${file}:${p.line}:${p.column}: ${reason}`, position: p } };
    }
    if (error instanceof HclSyntaxError) {
      const p = error.position;
      return { ok: false, error: { message: `${file}:${p.line}:${p.column}: ${error.message}`, position: p } };
    }
    throw error;
  } finally {
    tree.delete();
  }
}

/** The first ERROR or MISSING node in document order (iterative: a hostile file may nest deeply). */
function firstError(root: Node): Node | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.isError || node.isMissing) return node;
    if (!node.hasError) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return undefined;
}
