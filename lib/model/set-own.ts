/**
 * `map[key] = value`, except that a key named "__proto__" stays an own entry. Keys come from an audited account (a
 * stage variable, tag key or media type may be called that, and the SDK hands it over as an own key) or from a
 * template, and plain assignment would call the prototype setter instead: silently dropping a string or, for an
 * object, making it the map's prototype. Only that key needs defineProperty (Object.prototype's other properties are
 * writable data properties, so assignment makes an own one), and assignment is several times faster on the thousands
 * of keys of a large API or template. Shared by the live reader and the template readers, like `definedFields`.
 */
export function setOwn<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
