import packageJson from "@/package.json";

/** Stamped on every report, so a stored audit says which Preflight produced it. */
export const PREFLIGHT_VERSION: string = packageJson.version;
