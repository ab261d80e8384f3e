import { PUBLIC_PARTS, type PublicPart } from "@shared-schema/publication";

/*
 * What a cooperation can make public, each on or off (all off until the secretariat turns them
 * on). The one answer to "may an anonymous visitor see this?": the part's flag, read on every
 * request by the public guard.
 */
export { PUBLIC_PARTS, type PublicPart };

export type Published = Record<PublicPart, boolean>;

export const isPublishing = (published: Published) => PUBLIC_PARTS.some((part) => published[part]);

export const publishedParts = (published: Published): PublicPart[] => PUBLIC_PARTS.filter((part) => published[part]);
