import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/*
 * Portable column conventions (one code path for SQLite and PostgreSQL):
 * - ids are text (random UUIDs), so no dialect-specific identity columns;
 * - timestamps are ISO-8601 UTC text, dates are YYYY-MM-DD text: both sort correctly as text;
 * - flags are integers 0/1;
 * - money is bigint øre (pg's int8 parser is set to Number in db/connect.ts);
 * - lists and snapshots are JSON text.
 */

export type Flag = 0 | 1;
export type Language = "nb" | "nn" | "en";
export type WrittenStandard = "bokmaal" | "nynorsk" | "neutral";
export type CooperationRole = "secretariat" | "board" | "reporter" | "viewer";
export type StrategyStatus = "draft" | "adopted" | "archived";
export type MeasureStatus =
  "proposed" | "planned" | "in_progress" | "available" | "on_hold" | "continuous" | "completed" | "discontinued";
export type UptakeStatus = "not_relevant" | "not_started" | "planned" | "in_progress" | "in_use" | "realised";
export type CostKey = "equal" | "population" | "mixed" | "custom";
export type PlanVersionStatus = "draft" | "input" | "submitted" | "approved" | "returned" | "superseded";
export type DecisionBody = "board" | "chief_executives" | "municipal_council";
export type DecisionOutcome = "adopted" | "approved" | "returned";
export type CommentTarget = "measure" | "plan_version" | "plan_item" | "uptake_report";
export type MunicipalityChangeKind = "merger" | "split" | "renumbering" | "rename";

export interface MunicipalityTable {
  id: string;
  number: string;
  name: string;
  county: string | null;
  valid_from: string;
  valid_to: string | null;
  written_standard: WrittenStandard | null;
}

export interface MunicipalityChangeTable {
  id: string;
  predecessor_id: string;
  successor_id: string;
  effective_date: string;
  kind: MunicipalityChangeKind;
  partial: Flag;
}

export interface MunicipalityPopulationTable {
  municipality_id: string;
  year: number;
  population: number;
}

export interface CooperationTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  legal_form: string | null;
  host_municipality_id: string | null;
  default_language: Language;
  publish_strategy: Generated<Flag>;
  publish_plan: Generated<Flag>;
  publish_matrix: Generated<Flag>;
  publish_reports: Generated<Flag>;
  publish_open_data: Generated<Flag>;
  accessibility_statement_url: string | null;
  /** the publisher in the open-data catalogue: nine digits in Enhetsregisteret */
  organisation_number: string | null;
  /** the catalogue's contact point: a role (e.g. the secretariat) and its address, shown publicly */
  contact_name: string | null;
  contact_email: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  cooperation_id: string;
  municipality_id: string;
  joined_on: string;
  left_on: string | null;
  local_strategy_title: string | null;
  local_strategy_from_year: number | null;
  local_strategy_to_year: number | null;
  local_strategy_url: string | null;
  predecessor_membership_id: string | null;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: Flag;
  language: Language | null;
  disabled_at: string | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  /** epoch milliseconds */
  expires_at: number;
  /** epoch milliseconds; bounds the absolute lifetime */
  created_at: number;
}

export interface RoleGrantTable {
  id: string;
  user_id: string;
  cooperation_id: string;
  role: CooperationRole;
  /** required for reporters, null for every other role */
  municipality_id: string | null;
  created_at: string;
  /** a reporter's role moved over a change of the map, from here: null once the secretariat has confirmed it */
  moved_from_municipality_id: string | null;
}

export interface StrategyTable {
  id: string;
  cooperation_id: string;
  title: string;
  period_from: number;
  period_to: number;
  vision: string;
  purpose: string;
  /** JSON array of strings */
  principles: string;
  /** JSON array of strings */
  national_guidelines: string;
  status: StrategyStatus;
  adoption_decision_id: string | null;
  revision_of_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FocusAreaTable {
  id: string;
  cooperation_id: string;
  strategy_id: string;
  title: string;
  description: string;
  rationale: string;
  sort_order: number;
}

export interface GoalTable {
  id: string;
  cooperation_id: string;
  focus_area_id: string;
  text: string;
  indicator: string | null;
  target: string | null;
  sort_order: number;
}

export interface GoalEvaluationTable {
  id: string;
  cooperation_id: string;
  goal_id: string;
  year: number;
  assessment: string;
  author_id: string;
  created_at: string;
}

export interface MeasureTable {
  id: string;
  cooperation_id: string;
  number: number;
  name: string;
  description: string;
  status: MeasureStatus;
  status_text: string | null;
  priority: number | null;
  period_from: number | null;
  period_to: number | null;
  owner: string | null;
  benefits_text: string;
  investment_cost: number;
  running_cost: number;
  financing_text: string;
  cost_key: CostKey;
  /** for the mixed key: the part shared equally, in percent; the rest goes by population */
  cost_key_equal_percent: number | null;
  cost_key_population_year: number | null;
  all_members: Flag;
  introduces_system: Flag;
  /** JSON array of system names this measure phases out */
  phased_out_systems: string;
  /** how much the measure counts in its focus area's progress; 1 unless the secretariat sets another */
  progress_weight: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MeasureFocusAreaTable {
  measure_id: string;
  focus_area_id: string;
}

export interface MeasureGoalTable {
  measure_id: string;
  goal_id: string;
}

export interface MeasureParticipantTable {
  measure_id: string;
  municipality_id: string;
  /** custom key only: share in basis points (1/100 of a percent) */
  custom_share_bp: number | null;
  from_year: number | null;
  to_year: number | null;
}

/** Expected benefits, and for new systems the benefits realisation plan. */
export interface MeasureBenefitTable {
  id: string;
  measure_id: string;
  description: string;
  amount: number | null;
  unit: string | null;
  owner: string | null;
  baseline: string | null;
  target: string | null;
  measured_when: string | null;
  sort_order: number;
}

export interface MeasureLinkTable {
  id: string;
  measure_id: string;
  title: string;
  url: string;
}

export interface ActionPlanTable {
  id: string;
  cooperation_id: string;
  year: number;
  created_at: string;
}

export interface PlanVersionTable {
  id: string;
  cooperation_id: string;
  plan_id: string;
  version_no: number;
  status: PlanVersionStatus;
  based_on_version_id: string | null;
  input_deadline: string | null;
  /** when the secretariat closed the input round before its deadline */
  input_closed_at: string | null;
  decision_id: string | null;
  /** JSON of the approved content, cost shares and decision; set once, on approval */
  snapshot: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlanItemTable {
  id: string;
  cooperation_id: string;
  plan_version_id: string;
  measure_id: string;
  budget: number;
  priority: number | null;
  period_from: number | null;
  period_to: number | null;
  milestones: string;
  carried_over: Flag;
  sort_order: number;
}

export interface DecisionTable {
  id: string;
  cooperation_id: string;
  body: DecisionBody;
  outcome: DecisionOutcome;
  decided_on: string;
  case_number: string | null;
  text: string;
  recorded_by: string | null;
  created_at: string;
}

export interface UptakeReportTable {
  id: string;
  cooperation_id: string;
  measure_id: string;
  municipality_id: string;
  status: UptakeStatus;
  comment: string;
  effective_date: string;
  decision_reference: string | null;
  evidence_url: string | null;
  realised_benefit_text: string | null;
  reporter_id: string | null;
  round_id: string | null;
  /** set when the report carries a predecessor municipality's status over a merger */
  derived_from_report_id: string | null;
  /** the change of the map that set this status (a successor's start), not a person */
  succession_id: string | null;
  /** 1, 2, 3 … per (measure, municipality) in the order the reports were saved; unique */
  seq: number;
  created_at: string;
}

/** A realised benefit, in the unit of one of the measure's expected benefits. */
export interface UptakeBenefitTable {
  report_id: string;
  benefit_id: string;
  amount: number;
}

export interface ReportingRoundTable {
  id: string;
  cooperation_id: string;
  name: string;
  /** the day the round asks for the status on: its reports take effect then unless the reporter says otherwise */
  status_date: string;
  deadline: string;
  reminder_days_before: number | null;
  opened_at: string;
  closed_at: string | null;
  closed_by: string | null;
  created_by: string | null;
  /** when the automatic reminder before the deadline went out */
  reminder_sent_at: string | null;
}

export interface RoundMeasureTable {
  round_id: string;
  measure_id: string;
}

export interface RoundSubmissionTable {
  id: string;
  cooperation_id: string;
  round_id: string;
  municipality_id: string;
  submitted_at: string;
  submitted_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
  return_comment: string | null;
}

export type MailKind = "round_opened" | "round_reminder" | "plan_input" | "reporter_moved";
/** pending: waiting for (another) attempt; sent: accepted by SMTP; outbox: kept locally, no SMTP configured; failed: gave up */
export type MailStatus = "pending" | "sent" | "outbox" | "failed";

export interface MailMessageTable {
  id: string;
  cooperation_id: string | null;
  round_id: string | null;
  /** the plan version a `plan_input` message announces */
  plan_version_id: string | null;
  municipality_id: string | null;
  recipient_id: string | null;
  to_address: string;
  language: Language;
  kind: MailKind;
  subject: string;
  body_text: string;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface AnnualReportTable {
  id: string;
  cooperation_id: string;
  year: number;
  /** JSON object: section key → narrative text */
  narrative: string;
  /** JSON of the figures, frozen on publication */
  figures: string | null;
  published_at: string | null;
  published_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CommentTable {
  id: string;
  cooperation_id: string;
  target_type: CommentTarget;
  target_id: string;
  author_id: string;
  municipality_id: string | null;
  body: string;
  handled_at: string | null;
  handled_by: string | null;
  created_at: string;
}

export interface AuditEventTable {
  id: string;
  cooperation_id: string | null;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON, or null on create */
  before: string | null;
  /** JSON, or null on delete */
  after: string | null;
  created_at: string;
}

export type FrozenPdfKind = "report" | "plan";

/** A change of the municipal map carried through a cooperation, once. */
export interface SuccessionTable {
  id: string;
  cooperation_id: string;
  effective_date: string;
  applied_at: string;
  /** null: it applied itself on its date */
  applied_by: string | null;
}

/** The PDF of a published report (`annual_report.id`) or an approved plan version (`plan_version.id`), per language. */
export interface FrozenPdfTable {
  record_kind: FrozenPdfKind;
  record_id: string;
  language: Language;
  bytes: Buffer;
  /** hex SHA-256 of the bytes: the response's ETag */
  sha256: string;
  created_at: string;
}

export interface Database {
  municipality: MunicipalityTable;
  municipality_change: MunicipalityChangeTable;
  municipality_population: MunicipalityPopulationTable;
  cooperation: CooperationTable;
  membership: MembershipTable;
  app_user: UserTable;
  user_session: SessionTable;
  role_grant: RoleGrantTable;
  strategy: StrategyTable;
  focus_area: FocusAreaTable;
  goal: GoalTable;
  goal_evaluation: GoalEvaluationTable;
  measure: MeasureTable;
  measure_focus_area: MeasureFocusAreaTable;
  measure_goal: MeasureGoalTable;
  measure_participant: MeasureParticipantTable;
  measure_benefit: MeasureBenefitTable;
  measure_link: MeasureLinkTable;
  action_plan: ActionPlanTable;
  plan_version: PlanVersionTable;
  plan_item: PlanItemTable;
  decision: DecisionTable;
  uptake_report: UptakeReportTable;
  uptake_benefit: UptakeBenefitTable;
  reporting_round: ReportingRoundTable;
  round_measure: RoundMeasureTable;
  round_submission: RoundSubmissionTable;
  annual_report: AnnualReportTable;
  comment: CommentTable;
  audit_event: AuditEventTable;
  mail_message: MailMessageTable;
  frozen_pdf: FrozenPdfTable;
  succession: SuccessionTable;
}

export type Municipality = Selectable<MunicipalityTable>;
export type NewMunicipality = Insertable<MunicipalityTable>;
export type Cooperation = Selectable<CooperationTable>;
export type NewCooperation = Insertable<CooperationTable>;
export type CooperationUpdate = Updateable<CooperationTable>;
export type Membership = Selectable<MembershipTable>;
export type NewMembership = Insertable<MembershipTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type NewRoleGrant = Insertable<RoleGrantTable>;
export type Strategy = Selectable<StrategyTable>;
export type NewStrategy = Insertable<StrategyTable>;
export type FocusArea = Selectable<FocusAreaTable>;
export type Goal = Selectable<GoalTable>;
export type Measure = Selectable<MeasureTable>;
export type NewMeasure = Insertable<MeasureTable>;
export type PlanVersion = Selectable<PlanVersionTable>;
export type PlanItem = Selectable<PlanItemTable>;
export type Decision = Selectable<DecisionTable>;
export type UptakeReport = Selectable<UptakeReportTable>;
export type NewUptakeReport = Insertable<UptakeReportTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type UptakeBenefit = Selectable<UptakeBenefitTable>;
export type ReportingRound = Selectable<ReportingRoundTable>;
export type RoundSubmission = Selectable<RoundSubmissionTable>;
export type MailMessage = Selectable<MailMessageTable>;
export type NewMailMessage = Insertable<MailMessageTable>;
