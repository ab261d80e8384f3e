/*
 * What a cooperation can make public, each on or off (all off until the secretariat turns them
 * on). The one answer to "may an anonymous visitor see this?": the part's flag, read on every
 * request by the public guard.
 */
export const PUBLIC_PARTS = ["strategy", "plan", "matrix", "reports", "openData"] as const;
export type PublicPart = (typeof PUBLIC_PARTS)[number];

export type Published = Record<PublicPart, boolean>;

export const isPublishing = (published: Published) => PUBLIC_PARTS.some((part) => published[part]);
