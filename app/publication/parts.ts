import { PUBLIC_PARTS, type PublicPart } from "@shared-schema/publication";
import type { CooperationTable } from "../../db/schema";

/*
 * What a cooperation can make public, each on or off (all off until the secretariat turns them
 * on). The one answer to "may an anonymous visitor see this?": the part's flag, read on every
 * request by the public guard.
 */
export { PUBLIC_PARTS, type PublicPart };

export type Published = Record<PublicPart, boolean>;

/** The cooperation's column that holds each part's flag. */
export const PART_COLUMNS = {
  strategy: "publish_strategy",
  plan: "publish_plan",
  matrix: "publish_matrix",
  reports: "publish_reports",
  data: "publish_open_data",
} as const satisfies Record<PublicPart, keyof CooperationTable>;

export type PartColumn = (typeof PART_COLUMNS)[PublicPart];

export function publishedFrom(row: Record<PartColumn, number>): Published {
  return Object.fromEntries(PUBLIC_PARTS.map((part) => [part, row[PART_COLUMNS[part]] === 1])) as Published;
}

export const isPublishing = (published: Published) => PUBLIC_PARTS.some((part) => published[part]);

export const publishedParts = (published: Published): PublicPart[] => PUBLIC_PARTS.filter((part) => published[part]);
