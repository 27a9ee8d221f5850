import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---------------------------------------------------------------------------------------------------------
// The layers, enforced (README "Architecture" draws them). Each restriction is one `no-restricted-imports`
// pattern; `scripts/layer-lint.test.ts` plants a forbidden import for every one and expects this config to
// report it.
//
// The rule matches the text of an import, so every import that leaves its folder uses the `@/` alias
// (`relativeEscape`): `../aws/x` from lib/audit would otherwise slip past `^@/lib/aws`. Only lib/emulator,
// which is self-contained, uses `../` between its own subfolders, and may not climb out of lib/emulator.
// Dynamic `import()` is not checked by the rule; the product has none.
// ---------------------------------------------------------------------------------------------------------
const layerRule = {
  relativeEscape: {
    regex: "^\\.\\./",
    message: "Import from another folder through the @/ alias, so the layer rules in eslint.config.mjs see it.",
  },
  libBelowUi: {
    regex: "^@/(app|components|e2e|scripts)(/|$)",
    message: "lib/ is below app/ and components/ (and never reaches into e2e/ or scripts/): move the shared code into lib/.",
  },
  sdkOnlyInAws: {
    regex: "^@(aws-sdk|smithy)/",
    message: "Only lib/aws imports the AWS SDK: add a narrow function there and import that.",
  },
  modelIsPure: {
    regex: "^@/lib/(?!model/|routing/)",
    message: "lib/model is the pure model: it imports nothing from lib/ but lib/model and lib/routing.",
  },
  auditIsPure: {
    regex: "^@/lib/aws(/|$)",
    message: "lib/audit is the pure core (model in, report out): live reading is a loader in lib/aws that calls it.",
  },
  templatesAreSources: {
    regex: "^@/lib/aws(/|$)",
    message: "lib/templates reads files into a RawApiSnapshot beside lib/aws, never through it.",
  },
  emulatorStandsAlone: {
    regex: "^@/(?!lib/emulator/|lib/routing/)",
    message: "lib/emulator is the stand-in for AWS: it imports nothing from the product but the shared lib/routing.",
  },
  componentsCallActionsOnly: {
    regex: "^@/app/(?!actions/)",
    message: "components/ import from app/ only app/actions/* (server actions, their result types, route paths).",
  },
  serverCodeBelowUi: {
    regex: "^@/components(/|$)",
    message: "Server code (app/_server, app/actions) does not depend on components/: move the logic into lib/.",
  },
};

const SOURCE = "{ts,tsx,mts,mjs,js}";
// Tests and their helpers drive the emulator through the real SDK as an outside client (that is what proves
// the emulator speaks the AWS wire protocol), so the SDK restriction binds product code only.
const TESTS = [`**/*.test.${SOURCE}`, `**/testing/**/*.${SOURCE}`];

/** Rules per lib/ folder on top of `libBelowUi` and `relativeEscape`; a folder not listed gets just those. */
const LIB_FOLDER_RULES = {
  model: [layerRule.modelIsPure],
  audit: [layerRule.auditIsPure],
  templates: [layerRule.templatesAreSources],
  emulator: [layerRule.emulatorStandsAlone],
};

function restrict(name, files, ignores, patterns) {
  return { name: `layers/${name}`, files, ignores, rules: { "no-restricted-imports": ["error", { patterns }] } };
}

/**
 * Flat config replaces a rule's options when two objects match a file, so every file gets exactly one block
 * holding all the restrictions that apply to it: product and test files of each folder are separate blocks.
 */
function libFolderBlocks(folder) {
  const own = LIB_FOLDER_RULES[folder] ?? [];
  const sdk = folder === "aws" ? [] : [layerRule.sdkOnlyInAws];
  if (folder !== "emulator") {
    const files = [`lib/${folder}/**/*.${SOURCE}`];
    const base = [layerRule.libBelowUi, layerRule.relativeEscape, ...own];
    return [
      restrict(`lib/${folder}`, files, TESTS, [...base, ...sdk]),
      restrict(
        `lib/${folder} tests`,
        TESTS.map((glob) => `lib/${folder}/${glob}`),
        [],
        base,
      ),
    ];
  }
  // lib/emulator may use `../` inside itself: at depth d a file may climb d folders, never d + 1.
  return [0, 1, 2, 3].flatMap((depth) => {
    const atDepth = `lib/emulator/${"*/".repeat(depth)}*.${SOURCE}`;
    const climbOut = { regex: `^(\\.\\./){${depth + 1}}`, message: layerRule.emulatorStandsAlone.message };
    const base = [layerRule.libBelowUi, climbOut, ...own];
    return [
      restrict(`lib/emulator depth ${depth}`, [atDepth], TESTS, [...base, ...sdk]),
      // A `files` entry that is an array matches files matching all of its globs: tests at this depth.
      restrict(
        `lib/emulator depth ${depth} tests`,
        TESTS.map((glob) => [atDepth, glob]),
        [],
        base,
      ),
    ];
  });
}

const libFolders = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const layers = [
  restrict("lib root", [`lib/*.${SOURCE}`], TESTS, [layerRule.libBelowUi, layerRule.relativeEscape, layerRule.sdkOnlyInAws]),
  ...libFolders.flatMap(libFolderBlocks),
  restrict("components", [`components/**/*.${SOURCE}`], TESTS, [
    layerRule.relativeEscape,
    layerRule.sdkOnlyInAws,
    layerRule.componentsCallActionsOnly,
  ]),
  restrict(
    "components tests",
    TESTS.map((glob) => `components/${glob}`),
    [],
    [layerRule.relativeEscape, layerRule.componentsCallActionsOnly],
  ),
  restrict("app server code", [`app/_server/**/*.${SOURCE}`, `app/actions/**/*.${SOURCE}`], TESTS, [
    layerRule.relativeEscape,
    layerRule.sdkOnlyInAws,
    layerRule.serverCodeBelowUi,
  ]),
  restrict(
    "app routes",
    [`app/**/*.${SOURCE}`],
    [...TESTS, "app/_server/**", "app/actions/**"],
    [layerRule.relativeEscape, layerRule.sdkOnlyInAws],
  ),
];

const config = [...nextVitals, ...nextTs, ...layers, { ignores: [".next/**", "node_modules/**", "test-output/**", "next-env.d.ts"] }];

export default config;
