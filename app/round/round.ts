/*
 * A reporting round asks each member about the round's measures it takes part in. A municipality
 * has answered a measure when it saved a report for it during the round (any status, also an
 * unchanged one), and is done when it has submitted. A returned submission must be sent again.
 */
import { addDays } from "@shared-schema/dates";

export type RoundState = "not_asked" | "missing" | "partial" | "complete" | "submitted" | "returned";

export interface Submission {
  submittedAt: string;
  returnedAt: string | null;
  returnComment: string | null;
}

export interface MunicipalityProgress {
  municipalityId: string;
  /** the round's measures this municipality takes part in */
  asked: string[];
  missing: string[];
  state: RoundState;
  submission: Submission | null;
}

export function municipalityProgress({
  municipalityId,
  roundMeasureIds,
  takesPart,
  answered,
  submission,
}: {
  municipalityId: string;
  roundMeasureIds: readonly string[];
  takesPart: ReadonlySet<string>;
  /** measure ids answered in this round */
  answered: ReadonlySet<string>;
  submission: Submission | null;
}): MunicipalityProgress {
  const asked = roundMeasureIds.filter((id) => takesPart.has(id));
  const missing = asked.filter((id) => !answered.has(id));
  const state: RoundState =
    asked.length === 0
      ? "not_asked"
      : submission && !submission.returnedAt
        ? "submitted"
        : submission
          ? "returned"
          : missing.length === 0
            ? "complete"
            : missing.length === asked.length
              ? "missing"
              : "partial";
  return { municipalityId, asked, missing, state, submission };
}

/** Everyone asked who has not submitted (or was returned) is reminded. */
export function needsReminder(p: MunicipalityProgress): boolean {
  return p.state !== "not_asked" && p.state !== "submitted";
}

/** A municipality may submit once it has answered every measure asked, unless already submitted. */
export function maySubmit(p: MunicipalityProgress): boolean {
  return p.state === "complete" || (p.state === "returned" && p.missing.length === 0);
}

/**
 * The date a report form starts from: the status date of the open round asking, so its answers
 * count for the day the round is about, or today while that day is still ahead. Rounds asking
 * about different days leave it at today, for the reporter to choose.
 */
export function defaultEffectiveDate(today: string, statusDates: readonly string[]): string {
  const dates = new Set(statusDates);
  if (dates.size !== 1) return today;
  const [date] = dates;
  return date < today ? date : today;
}

/** The day the automatic reminder goes out, or null when the round has none. */
export function reminderDate(round: { deadline: string; reminderDaysBefore: number | null }): string | null {
  return round.reminderDaysBefore === null ? null : addDays(round.deadline, -round.reminderDaysBefore);
}

/**
 * The automatic reminder is due from its day up to and including the deadline, once, while the
 * round is open. A round opened after its reminder day sends it at the next run.
 */
export function reminderDue(
  round: { deadline: string; reminderDaysBefore: number | null; reminderSentAt: string | null; closedAt: string | null },
  today: string,
): boolean {
  const day = reminderDate(round);
  return day !== null && round.closedAt === null && round.reminderSentAt === null && today >= day && today <= round.deadline;
}
