/**
 * The contract every template reader (SAM, CloudFormation/CDK, OpenAPI, Terraform) fulfils: files in,
 * one `RawApiSnapshot` per REST API out, plus where each element was written so a finding can point at
 * `template.yaml:42:7`. Pure: no disk, no network. Loading files (directories, size limits, detection)
 * happens before a reader is called.
 */
import type { ModelPart } from "@/lib/model/types";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { SourcePosition, TemplateFormat } from "@/lib/audit/source";

// The source description and element keys belong to the audit core (a report carries them); readers reuse them.
export type { SourcePosition, TemplateFormat } from "@/lib/audit/source";
export { elementKey, type ElementRef } from "@/lib/audit/element-key";

/** A file as handed to a reader: its path as the user named it (relative to the working directory) and its text. */
export interface TemplateFile {
  path: string;
  text: string;
}

/**
 * Where an element of the API was written. Keys come from `elementKey` so that a finding's target
 * finds its position without knowing the format.
 */
export type ElementLocations = Record<string, SourcePosition>;

/** Something the reader could not read or resolve: reported, never guessed. */
export interface TemplateGap {
  message: string;
  position?: SourcePosition;
  /** The model part the gap leaves unknown (rules needing it report "not evaluated"). */
  part?: ModelPart;
}

/**
 * One evaluation of the API under a set of CloudFormation condition values. A template without
 * conditions has exactly one variant with no assumptions; with `Fn::If`, both branches are evaluated.
 */
export interface TemplateVariant {
  /** Condition name → assumed value; empty when nothing depended on a condition. */
  assumptions: Record<string, boolean>;
  snapshot: RawApiSnapshot;
  locations: ElementLocations;
  /**
   * `elementKey` → why the reading of that element is uncertain (e.g. authorization inherited from an OpenAPI
   * document's root `security`, which API Gateway's import is not documented to apply). Findings whose target
   * has an entry should lower their confidence and show the reason. Absent when nothing is uncertain.
   */
  uncertainties?: Record<string, string>;
}

/** One REST API found in the template(s). */
export interface TemplateApi {
  /** Logical id (CloudFormation/SAM/CDK), resource address (Terraform), or the document's title (OpenAPI). */
  name: string;
  format: TemplateFormat;
  /** Every file that contributed, the entry file first (then an included OpenAPI document, a module's other .tf files). */
  files: string[];
  /** CDK construct path from `aws:cdk:path` metadata, where present. */
  constructPath?: string;
  /** CDK construct path per element (`elementKey` → path of the construct that defines it), where present. */
  constructPaths?: Record<string, string>;
  variants: TemplateVariant[];
  gaps: TemplateGap[];
}

export type TemplateReadResult = { ok: true; apis: TemplateApi[]; gaps: TemplateGap[] } | { ok: false; error: TemplateError };

/** A file that cannot be read at all: one line, naming the file and (where known) the line. */
export interface TemplateError {
  message: string;
  position?: SourcePosition;
}

/** What a reader may ask of the loader: nothing else reaches disk. */
export interface TemplateReadContext {
  /**
   * Reads a local file the template references (SAM `DefinitionUri`, `AWS::Include` `Location`, the other `.tf`
   * files of a Terraform directory), `relativePath` taken from the directory of `from`. The loader confines it to
   * the directory being audited and applies its size limits; anything else is an error value, never a throw.
   */
  readRelative(from: string, relativePath: string): { ok: true; file: TemplateFile } | { ok: false; error: TemplateError };
  /** Lists the files of the directory holding `from` (names only), for readers that read a whole directory (Terraform). */
  listSiblings(from: string): string[];
  /** Region used for ARNs and invoke URLs the template leaves to deploy time, e.g. "us-east-1". */
  region: string;
}

/** A reader for one format. `entry` is the file the user named or the loader detected as this format. */
export type TemplateReader = (entry: TemplateFile, context: TemplateReadContext) => TemplateReadResult;
