/**
 * The path tree API Gateway's import builds: one resource per path segment, including the intermediate
 * resources no path names ("API Gateway automatically creates intermediate resources for you, even if they
 * aren't explicitly declared in the definition") and the root, which always exists
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-basePath.html).
 */
import type { RawResource } from "@/lib/model/raw-snapshot";
import type { SourcePosition } from "@/lib/templates/types";

/**
 * How the import reads a base path (`basePath` in Swagger 2, the `basePath` server variable or the server URL's
 * path in OpenAPI 3): `ignore` (the default when the import names none), `prepend` or `split` (same page).
 */
export type BasePathMode = "ignore" | "prepend" | "split";

export function splitPath(path: string): string[] | undefined {
  if (!path.startsWith("/")) return undefined;
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  if (trimmed === "/") return [];
  const parts = trimmed.slice(1).split("/");
  return parts.some((p) => p === "") ? undefined : parts;
}

/** The path prefix a base path adds under `mode`: `prepend` keeps all of it, `split` drops its first part (the stage). */
export function basePathPrefix(basePath: string | undefined, mode: BasePathMode): string[] {
  if (mode === "ignore" || basePath === undefined) return [];
  const parts = splitPath(basePath.startsWith("/") ? basePath : `/${basePath}`) ?? [];
  return mode === "split" ? parts.slice(1) : parts;
}

export class ResourceTree {
  private readonly byPath = new Map<string, RawResource>();
  readonly positions = new Map<string, SourcePosition>();

  constructor(rootPosition: SourcePosition) {
    this.byPath.set("/", { id: "/", path: "/" });
    this.positions.set("/", rootPosition);
  }

  /** Adds the resource for `parts` and every ancestor; positions go to whichever path named them first. */
  ensure(parts: string[], position: SourcePosition): RawResource {
    let parent = this.byPath.get("/") as RawResource;
    let path = "";
    for (const part of parts) {
      path += `/${part}`;
      let resource = this.byPath.get(path);
      if (!resource) {
        // Ids are the paths themselves: stable across reads and unique within the API.
        resource = { id: path, parentId: parent.id, path, pathPart: part };
        this.byPath.set(path, resource);
        this.positions.set(path, position);
      }
      parent = resource;
    }
    return parent;
  }

  get(path: string): RawResource | undefined {
    return this.byPath.get(path);
  }

  list(): RawResource[] {
    return [...this.byPath.values()];
  }
}
