import type { ReactNode } from "react";

/**
 * A titled part of a page: a section named by its own heading, so that a screen reader lists it
 * among the page's regions by that name. `id` is the heading's.
 */
export function Section({
  id,
  title,
  size = "md",
  gap = 2,
  children,
}: {
  id: string;
  title: ReactNode;
  size?: "lg" | "md" | "sm" | "xs";
  gap?: 2 | 3 | 4;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={GAPS[gap]}>
      <h2 id={id} className="ds-heading" data-size={size}>
        {title}
      </h2>
      {children}
    </section>
  );
}

// whole class names, so that Tailwind finds them in the source
const GAPS = { 2: "flex flex-col gap-2", 3: "flex flex-col gap-3", 4: "flex flex-col gap-4" } as const;
