import "server-only";
import { parseArgs } from "node:util";
import { CONNECTION_OPTIONS, connectionFromFlags } from "@/lib/cli/connection-flags";
import { EXIT, type CliCommand } from "@/lib/cli/io";
import { streamLiveApis } from "@/lib/aws/reader/live-reader";
import { COMMERCIAL_REGIONS } from "@/lib/aws/regions/commercial-regions";
import type { RegionListing } from "@/lib/aws/reader/list-apis";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";
import { terminalText } from "@/lib/remediation/formats/literals/terminal";

export const listCommand: CliCommand = {
  name: "list",
  summary: "List REST APIs of a connection in one region or all commercial regions.",
  usage: "preflight list [--profile P | --demo] [--role-arn ARN [--external-id X]] [--region R | --all-regions] [--format text|json]",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...CONNECTION_OPTIONS,
        region: { type: "string" },
        "all-regions": { type: "boolean" },
        format: { type: "string", default: "text" },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.format !== "text" && values.format !== "json") {
      io.err(`--format must be text or json (got "${values.format}").\n`);
      return EXIT.error;
    }
    if (values.region && values["all-regions"]) {
      io.err("Use --region or --all-regions, not both.\n");
      return EXIT.error;
    }
    const opened = await connectionFromFlags(values, io.env);
    if (!opened.ok) {
      io.err(`${opened.message}\n`);
      return EXIT.error;
    }
    const connection = opened.connection;
    const regions = values["all-regions"] ? COMMERCIAL_REGIONS.map((r) => r.code) : [values.region ?? connection.defaultRegion ?? ""];
    if (regions[0] === "") {
      io.err("No region: pass --region R (or --all-regions), or set one in the profile / AWS_REGION.\n");
      return EXIT.error;
    }
    const listings: RegionListing[] = [];
    for await (const listing of streamLiveApis(connection, regions)) {
      listings.push(listing);
      if (values.format === "text") {
        if (listing.ok) {
          io.out(`${listing.region}: ${listing.apis.length} REST API${listing.apis.length === 1 ? "" : "s"}\n`);
          for (const api of listing.apis)
            io.out(terminalText(`  ${api.id}  ${api.name}${api.endpointTypes.length ? `  [${api.endpointTypes.join(",")}]` : ""}`) + "\n");
        } else {
          io.out(`${listing.region}: ERROR ${listing.error.code}: ${listing.error.message} ${listing.error.hint}\n`);
        }
      }
    }
    if (values.format === "json") {
      const order = new Map(regions.map((r, i) => [r, i]));
      listings.sort((a, b) => (order.get(a.region) ?? 0) - (order.get(b.region) ?? 0));
      io.out(jsonDocument({ connection: connection.id, regions: listings }) + "\n");
    }
    // One failing region among many is reported on its line; only a total failure is an error exit.
    return listings.some((l) => l.ok) ? EXIT.ok : EXIT.error;
  },
};
