import { SEVERITIES } from "@/lib/rules/types";
import { cx } from "@/components/ui/cx";
import { ClockIcon, DriftIcon, KeyIcon, LockIcon } from "@/components/ui/icons";
import { SEVERITY_STYLES } from "@/components/findings/severity";
import { panelClass } from "@/components/ui/panel";

function Item({ sample, children }: { sample: React.ReactNode; children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      {sample}
      <span>{children}</span>
    </li>
  );
}

export function MatrixLegend() {
  return (
    <section aria-labelledby="legend-heading" data-testid="matrix-legend" className={panelClass("px-3 py-2 text-xs")}>
      <h2 id="legend-heading" className="sr-only">
        Legend
      </h2>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
        {SEVERITIES.map((severity) => (
          <Item
            key={severity}
            sample={
              <span
                className={cx("inline-flex h-4 w-6 items-center justify-center rounded-sm text-[10px]", SEVERITY_STYLES[severity].cell)}
              >
                <span className={SEVERITY_STYLES[severity].text}>{SEVERITY_STYLES[severity].glyph}</span>
              </span>
            }
          >
            {SEVERITY_STYLES[severity].label}
          </Item>
        ))}
        <Item sample={<span className="inline-block h-4 w-6 rounded-sm border-2 border-dashed border-orange-500" />}>
          Missing method needed
        </Item>
        <Item
          sample={<span className="font-mono text-[10px] text-blue-700 underline decoration-dotted dark:text-blue-300">/{"{proxy+}"}</span>}
        >
          Served by another resource (API Gateway routes the preflight there)
        </Item>
        <Item sample={<LockIcon />}>Authorized (IAM, Cognito, λ Lambda authorizer · cache TTL)</Item>
        <Item
          sample={
            <span className="inline-flex items-center gap-0.5 rounded border border-current px-0.5 text-[10px] font-semibold">
              <KeyIcon />
              KEY
            </span>
          }
        >
          API key required
        </Item>
        <Item sample={<ClockIcon className="text-violet-700 dark:text-violet-300" />}>Stage cache TTL</Item>
        <Item sample={<DriftIcon className="text-fuchsia-700 dark:text-fuchsia-300" />}>Deployed stage differs</Item>
      </ul>
    </section>
  );
}
