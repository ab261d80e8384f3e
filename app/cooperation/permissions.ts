import type { CooperationRole } from "../../db/schema";

export const COOPERATION_ROLES = ["secretariat", "board", "reporter", "viewer"] as const satisfies readonly CooperationRole[];

export type Permission =
  | "cooperation:read"
  | "cooperation:manage"
  | "strategy:edit"
  | "measure:edit"
  | "plan:edit"
  | "plan:comment"
  /** a comment by this role speaks for the cooperation, not for the author's municipality */
  | "plan:commentForCooperation"
  | "plan:decide"
  | "uptake:report"
  | "round:manage"
  | "report:edit"
  /** carry a change of the municipal map through the cooperation, confirm the reporters it moved */
  | "succession:manage";

/**
 * Who may do what inside a cooperation. The single answer to "who may approve a plan?":
 * look for `plan:decide` below. Reporters act only for their own municipality, which the
 * guards take from the role grant, never from a form.
 */
export const ROLE_PERMISSIONS = {
  secretariat: [
    "cooperation:read",
    "cooperation:manage",
    "strategy:edit",
    "measure:edit",
    "plan:edit",
    "plan:comment",
    "plan:commentForCooperation",
    "round:manage",
    "report:edit",
    "succession:manage",
  ],
  board: ["cooperation:read", "plan:comment", "plan:commentForCooperation", "plan:decide"],
  reporter: ["cooperation:read", "plan:comment", "uptake:report"],
  viewer: ["cooperation:read"],
} as const satisfies Record<CooperationRole, readonly Permission[]>;

export function rolesWith(permission: Permission): CooperationRole[] {
  return COOPERATION_ROLES.filter((role) => (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission));
}

export function can(roles: readonly CooperationRole[], permission: Permission): boolean {
  return roles.some((role) => (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission));
}
