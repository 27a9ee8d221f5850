/**
 * Vitest setup: which seed fast-check's properties run from. CI lands a change only when it is green, so there every
 * property without a seed of its own replays one fixed seed: a run fails for a change, never for a counterexample a
 * fresh random seed happened to find that day. Locally each run draws a new seed and keeps exploring; a counterexample
 * it finds is printed with its seed and path, replayed with FC_SEED=<seed>, and kept as a fixed case in its test.
 */
import fc from "fast-check";

export const CI_SEED = 20_261_201;

export function chosenSeed(env: NodeJS.ProcessEnv): number | undefined {
  const given = env.FC_SEED?.trim();
  if (given) {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${given}"`);
    return seed;
  }
  const ci = env.CI?.trim().toLowerCase();
  return ci && ci !== "0" && ci !== "false" ? CI_SEED : undefined;
}

const seed = chosenSeed(process.env);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
