/**
 * What the page's views need to label a finding from its index entry: rule titles and authorizer names.
 * The rest of a finding (message, meta, fix) is loaded when its card opens (finding-cards.tsx).
 */
export interface Explainer {
  /** Rule id → title. */
  ruleTitles: Record<string, string>;
  /** Authorizer id → name, to label findings that target an authorizer. */
  authorizerNames: Record<string, string>;
}
