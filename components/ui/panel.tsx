import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

/** The bordered box every block of the pages sits in (matrix, tabs, lists, cards), light and dark. */
export function panelClass(extra?: string): string {
  return cx("rounded-md border border-zinc-200 dark:border-zinc-800", extra);
}

/**
 * "plain": a list's title bar (home, history, comparison); "shaded": a group of findings, on a tinted bar
 * like the matrix header, so groups stand apart from the rows inside them.
 */
export type SectionHeadingTone = "plain" | "shaded";

const HEADING_TONES: Record<SectionHeadingTone, string> = {
  plain: "font-semibold",
  shaded: "bg-zinc-50 font-medium dark:bg-zinc-900",
};

/**
 * A panel with a heading bar, labelled by its heading for screen readers. Extra props (data-testid, data-*)
 * go to the <section>.
 */
export function Section({
  heading,
  headingId,
  level = 2,
  tone = "plain",
  headingClassName,
  className,
  children,
  ...rest
}: Omit<ComponentProps<"section">, "aria-labelledby"> & {
  heading: ReactNode;
  headingId?: string;
  level?: 2 | 3;
  tone?: SectionHeadingTone;
  headingClassName?: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className={panelClass(className)} {...rest}>
      <Heading
        id={headingId}
        className={cx("border-b border-zinc-200 px-3 py-1.5 text-sm dark:border-zinc-800", HEADING_TONES[tone], headingClassName)}
      >
        {heading}
      </Heading>
      {children}
    </section>
  );
}
