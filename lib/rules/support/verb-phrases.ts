import { HTTP_VERBS, type HttpVerb } from "@/lib/model/types";

/**
 * `start + verb + " "` for each verb, joined once when the module loads: a finding's sentence ("Anyone can call GET
 * /orders …") then starts with one shared string instead of joining its own. V8 joins strings with `+` into 32-byte
 * rope cells and never allocates a string in the old generation, so each cell a finding keeps is copied by the young
 * collections that find it alive (issue 16, `npm run bench:core`: strings were about a third of what they copied).
 */
export function verbPhrases(start: string): (verb: HttpVerb) => string {
  const phrases: readonly string[] = HTTP_VERBS.map((verb) => `${start}${verb} `);
  return (verb) => {
    // Compared in turn, GET first: eight short strings, where a Map look-up (asked 20,000 times an audit in
    // bench:core) hashed each time.
    for (let i = 0; i < HTTP_VERBS.length; i++) if (HTTP_VERBS[i] === verb) return phrases[i] as string;
    return `${start}${verb} `;
  };
}
