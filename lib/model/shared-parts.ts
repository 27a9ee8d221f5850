import type { IntegrationModel, IntegrationResponseModel, MethodResponseModel } from "@/lib/model/types";

/*
 * Parts of methods that real APIs repeat: every CORS OPTIONS method has the same mock integration and response maps,
 * every mock the same request template, most methods the same method responses. One reshape of a resource list makes
 * each such part once and gives every method that describes it equally that same object (hash-consing). A model
 * survives the audit that builds it, so the garbage collector copies every object it holds: sharing cut what a
 * normalisation of the generated 10,000-method API keeps from 6.5 to 4.1 MB (issue 16, `npm run bench:core`). Records
 * are matched against the raw data before anything is built; lists and integrations then on their fields, their
 * records by identity, so a part holding a new record is told apart without reading the raw data again.
 *
 * A shared part is frozen: models are read-only once normalized (see EMPTY_RECORD in reshape-resources.ts), and a
 * change to one method's part would change every method holding it. Its objects and records are; its lists (of
 * responses, of cache keys) are not: V8 walks a frozen array's for-of through the generic iterator protocol, an
 * allocation per element in every rule that reads one, which measured as more garbage than the sharing saved. Tables
 * live for one reshape, never across audits (rules memoise on model records: lib/rules/support/template-headers.ts).
 */

// Few places per kind: parts met often move to the front one place per use, a part met once only takes the last place.
const PLACES = 4;

/** Recently made parts of one kind, the candidates an equal new part is replaced by. */
export class PartTable<T extends object> {
  readonly items: T[] = [];
  // Whether items[i] was given out more than once, and so frozen. A part met once stays as made: Object.freeze is a
  // call into the runtime, and freezing every part as made (a mock's own response template, its own integration)
  // measured as a fifth more time for the reshape.
  private readonly shared: boolean[] = [];

  constructor(private readonly freeze: (part: NoInfer<T>) => void) {}

  /** items[index] again: frozen now that two methods hold it, and one place nearer the front. */
  take(index: number): T {
    const items = this.items;
    const shared = this.shared;
    const item = items[index]!;
    if (!shared[index]) this.freeze(item);
    if (index > 0) {
      items[index] = items[index - 1]!;
      shared[index] = shared[index - 1]!;
      items[index - 1] = item;
      index--;
    }
    shared[index] = true;
    return item;
  }

  /** A part not met before. */
  put(part: T): T {
    const at = this.items.length < PLACES ? this.items.length : PLACES - 1;
    this.items[at] = part;
    this.shared[at] = false;
    return part;
  }
}

export interface SharedParts {
  readonly requestParameters: PartTable<Record<string, boolean>>;
  readonly requestModels: PartTable<Record<string, string>>;
  readonly declaredHeaders: PartTable<Record<string, boolean>>;
  readonly methodResponses: PartTable<MethodResponseModel[]>;
  readonly requestTemplates: PartTable<Record<string, string>>;
  readonly integrationParameters: PartTable<Record<string, string>>;
  readonly mappedHeaders: PartTable<Record<string, string>>;
  readonly responseTemplates: PartTable<Record<string, string>>;
  readonly integrationResponses: PartTable<IntegrationResponseModel[]>;
  readonly integrations: PartTable<IntegrationModel>;
}

export function createSharedParts(): SharedParts {
  return {
    requestParameters: new PartTable(freezeOne),
    requestModels: new PartTable(freezeOne),
    declaredHeaders: new PartTable(freezeOne),
    methodResponses: new PartTable(freezeResponses),
    requestTemplates: new PartTable(freezeOne),
    integrationParameters: new PartTable(freezeOne),
    mappedHeaders: new PartTable(freezeOne),
    responseTemplates: new PartTable(freezeOne),
    integrationResponses: new PartTable(freezeResponses),
    integrations: new PartTable(freezeOne),
  };
}

// A record's values are the raw data's (strings, booleans); an integration's records and responses come from tables.
function freezeOne(part: object): void {
  Object.freeze(part);
}

// A list's responses were made for it (their records come from tables, frozen as those are taken); the list stays as is.
function freezeResponses(list: readonly object[]): void {
  for (const item of list) Object.freeze(item);
}
