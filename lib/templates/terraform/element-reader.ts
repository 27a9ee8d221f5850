/**
 * Reads the arguments of one API's Terraform resource instances into wire values, and keeps what the builders
 * learn on the way: gaps (with the model part they leave unknown, mirrored into the snapshot's `missing`), element
 * locations and the files that contributed. Unknown values never pass as known: each accessor either returns a
 * value of its type or records why not.
 */
import type { MissingPart, ModelPart } from "@/lib/model/types";
import { setOwn } from "@/lib/model/set-own";
import type { ElementLocations, SourcePosition, TemplateGap } from "@/lib/templates/types";
import { attributeNode, type TfResourceInstance } from "./configuration";
import { positionOf } from "./hcl-ast";
import { firstUnknown, isKnown, isTfObject, placeholderText, TfRef, TfUnknown, type TfValue } from "./values";

const NONE: readonly TfResourceInstance[] = [];

export class ElementReader {
  readonly gaps: TemplateGap[] = [];
  readonly missing: MissingPart[] = [];
  readonly locations: ElementLocations = {};
  readonly files = new Set<string>();

  /** Instances by resource type, grouped once (every builder asks for one type at a time). */
  private readonly byType = new Map<string, TfResourceInstance[]>();

  constructor(instances: TfResourceInstance[]) {
    for (const instance of instances) {
      const list = this.byType.get(instance.type);
      if (list) list.push(instance);
      else this.byType.set(instance.type, [instance]);
    }
  }

  /** Records where an element (keyed by `elementKey`) was written. */
  locate(key: string, instance: TfResourceInstance, attribute?: string): void {
    this.locations[key] = this.pos(instance, attribute);
  }

  /** A gap that concerns no single argument. */
  note(message: string, instance?: TfResourceInstance, attribute?: string, part?: ModelPart): void {
    const gap: TemplateGap = { message };
    if (instance) gap.position = this.pos(instance, attribute);
    if (part) {
      gap.part = part;
      this.missing.push({
        part,
        operation: "Terraform static evaluation",
        reason: message,
        ...(instance ? { detail: instance.address } : {}),
      });
    }
    this.gaps.push(gap);
  }

  /** This API's instances of one type, in configuration order. */
  of(type: string): readonly TfResourceInstance[] {
    return this.byType.get(type) ?? NONE;
  }

  pos(instance: TfResourceInstance, attribute?: string): SourcePosition {
    this.files.add(instance.position.file);
    const node = attribute ? attributeNode(instance, attribute) : undefined;
    return (node && positionOf(node)) || instance.position;
  }

  gap(instance: TfResourceInstance, attribute: string, value: TfValue | undefined, consequence: string, part?: ModelPart): void {
    const u = firstUnknown(value);
    const why =
      u instanceof TfUnknown
        ? u.reason
        : u instanceof TfRef
          ? `${u.address}.${u.attribute} is only known after apply`
          : "not a static value";
    this.note(
      `attribute ${attribute} of ${instance.address} could not be resolved statically (${why}); ${consequence}`,
      instance,
      attribute,
      part,
    );
  }

  /** Says which variable defaults the value of `attribute` came from. */
  noteDefaults(instance: TfResourceInstance, attribute: string): void {
    const notes = instance.notes[attribute];
    if (notes === undefined) return;
    for (const note of notes) {
      this.gaps.push({ message: `${attribute} of ${instance.address}: ${note}`, position: this.pos(instance, attribute) });
    }
  }

  str(instance: TfResourceInstance, attribute: string, part: ModelPart | undefined, consequence: string): string | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    this.gap(instance, attribute, v, consequence, part);
    return undefined;
  }

  /** A response's status code; an unresolved one keeps its headers under a placeholder code (rules read the headers). */
  statusCode(instance: TfResourceInstance): string | undefined {
    const v = instance.values.status_code;
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, "status_code");
    if (typeof v === "string" || typeof v === "number") return String(v);
    const shown = placeholderText(v);
    this.gap(instance, "status_code", v, `shown as ${shown}`);
    return shown;
  }

  /** A display-only string: placeholders stand in for what is unknown, and a gap says so. */
  text(instance: TfResourceInstance, attribute: string): string | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    return placeholderText(v);
  }

  bool(instance: TfResourceInstance, attribute: string, part: ModelPart, consequence: string): boolean | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    this.gap(instance, attribute, v, consequence, part);
    return undefined;
  }

  num(instance: TfResourceInstance, attribute: string, part: ModelPart, consequence: string): number | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    this.gap(instance, attribute, v, consequence, part);
    return undefined;
  }

  /** A map whose values are strings (templates in it may hold placeholders: display values, not decisions). */
  stringMap(instance: TfResourceInstance, attribute: string): Record<string, string> | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    if (!isTfObject(v)) {
      this.gap(instance, attribute, v, "left out");
      return undefined;
    }
    // Key by key (as Object.fromEntries would, a key named __proto__ an own entry): no array of pairs per map.
    const out: Record<string, string> = {};
    for (const key of Object.keys(v)) setOwn(out, key, placeholderText(v[key]));
    return out;
  }

  boolMap(instance: TfResourceInstance, attribute: string): Record<string, boolean> | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (!isTfObject(v) || !isKnown(v)) {
      this.gap(instance, attribute, v, "left out");
      return undefined;
    }
    const out: Record<string, boolean> = {};
    for (const key of Object.keys(v)) {
      const x = v[key];
      setOwn(out, key, x === true || x === "true");
    }
    return out;
  }

  stringList(instance: TfResourceInstance, attribute: string): string[] | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.gap(instance, attribute, v, "left out");
      return undefined;
    }
    return v.map((x) => placeholderText(x));
  }
}
