import { HTTP_VERBS, type HttpVerb } from "@/lib/model/types";

/**
 * `start + verb + " "` for each verb, joined once when the module loads: a finding's sentence ("Anyone can call GET
 * /orders …") then starts with one shared string instead of joining its own. V8 joins strings with `+` into 32-byte
 * rope cells and never allocates a string in the old generation, so each cell a finding keeps is copied by the young
 * collections that find it alive (issue 16, `npm run bench:core`: strings were about a third of what they copied).
 */
export function verbPhrases(start: string): (verb: HttpVerb) => string {
  const phrases = new Map<string, string>(HTTP_VERBS.map((verb) => [verb, `${start}${verb} `]));
  return (verb) => phrases.get(verb) ?? `${start}${verb} `;
}
