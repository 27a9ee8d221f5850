/** One rendered remediation for a finding, in one format (AWS CLI, CloudFormation, Terraform, ...). */
export interface RemediationSnippet {
  format: string;
  label: string;
  language: string;
  code: string;
  /** Suggested file name, e.g. "fix-a1b2c3.sh". */
  filename?: string;
  /** IAM actions needed to apply it, e.g. ["apigateway:PATCH"]. */
  iamActions?: string[];
  /** Set when `code` is only the beginning of the file (a whole-API fix of a large API): the file's full length. */
  fullLength?: number;
}

/** The whole API's fix (every fixable finding in one plan), as the "Fix everything" tab shows it. */
export type WholeApiFixView =
  | {
      status: "ready";
      /** Fixable findings the plan covers, and findings without an automatic fix (left out). */
      fixable: number;
      notFixable: number;
      /** Stages the plan redeploys. */
      stages: string[];
      /** Changes asked for by several findings with different values: the earliest finding's is kept. */
      conflicts: string[];
      accountIdKnown: boolean;
      snippets: RemediationSnippet[];
      /** Route-handler URLs: one per format, and the zip of every format. */
      downloads: { byFormat: Record<string, string>; bundle: string; bundleFilename: string };
    }
  | { status: "nothing"; notFixable: number }
  | { status: "error"; message: string };

/** One finding's fix in every format, or why it could not be rendered. */
export interface FindingSnippets {
  snippets: RemediationSnippet[];
  /** Set when rendering failed: shown on the finding instead of its snippets. */
  error?: string;
}
