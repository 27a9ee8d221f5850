import { AlertIcon } from "./icons";
import { cx } from "./cx";

export type CalloutTone = "error" | "warning" | "info";

const TONES: Record<CalloutTone, string> = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100",
  info: "border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200",
};

export function Callout({
  tone,
  title,
  children,
  className,
  testId,
}: {
  tone: CalloutTone;
  title: string;
  children?: React.ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={cx("flex gap-2 rounded-md border px-3 py-2 text-sm", TONES[tone], className)}
    >
      <AlertIcon className="mt-0.5 shrink-0" />
      <div className="min-w-0 space-y-1">
        <p className="font-medium">{title}</p>
        {children ? <div className="text-[13px] leading-relaxed opacity-90">{children}</div> : null}
      </div>
    </div>
  );
}
