import type { ReactNode } from "react";

/**
 * A table that scrolls inside its own keyboard-reachable region on narrow screens (320 px), so
 * the page itself never scrolls sideways. `labelledBy` names the region (usually the heading).
 */
export function DataTable({
  labelledBy,
  caption,
  captionVisible = false,
  headers,
  children,
}: {
  labelledBy: string;
  caption: string;
  captionVisible?: boolean;
  headers: string[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="ds-table" data-border>
        <caption className={captionVisible ? undefined : "ds-sr-only"}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
