import type { useForm } from "@conform-to/react";
import type { StrategyStatus } from "../../db/schema";
import { formatNokInput } from "@shared-schema/common";
import { formatPercentInput, type MeasureInput } from "@shared-schema/measure";

/*
 * What the measure form shows, as strings: the saved measure, or a blank one, with a fixed number
 * of blank list rows and a row for every member (see measure-form.tsx).
 */

export interface MeasureFormOptions {
  strategies: {
    id: string;
    title: string;
    status: StrategyStatus;
    focusAreas: { id: string; title: string; goals: { id: string; text: string }[] }[];
  }[];
  members: { municipalityId: string; number: string; name: string; leftOn: string | null }[];
}

/** The saved measure as the form's strings. */
export interface MeasureFormValues {
  number: string;
  name: string;
  description: string;
  focusAreas: string[];
  goals: string[];
  benefitsText: string;
  benefits: Record<string, string>[];
  investmentCost: string;
  runningCost: string;
  financingText: string;
  costKey: string;
  equalPercent: string;
  populationYear: string;
  priority: string;
  periodFrom: string;
  periodTo: string;
  owner: string;
  participation: "all" | "chosen";
  members: { id: string; selected: string; percent: string; fromYear: string; toYear: string }[];
  status: string;
  statusText: string;
  links: { title: string; url: string }[];
  introducesSystem: string;
  phasedOutSystems: string;
}

const BLANK_ROWS = 2;
const s = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function formValuesFrom(
  m: MeasureInput | null,
  members: MeasureFormOptions["members"],
  nextNumber: number,
): MeasureFormValues {
  const blankBenefit = { id: "", description: "", amount: "", unit: "", owner: "", baseline: "", target: "", measuredWhen: "" };
  const participants = new Map((m?.participants ?? []).map((p) => [p.municipalityId, p]));
  return {
    number: s(m?.number ?? nextNumber),
    name: m?.name ?? "",
    description: m?.description ?? "",
    focusAreas: m?.focusAreaIds ?? [],
    goals: m?.goalIds ?? [],
    benefitsText: m?.benefitsText ?? "",
    benefits: [
      ...(m?.benefits ?? []).map((b) => ({
        id: s(b.id),
        description: b.description,
        amount: b.amount === null ? "" : String(b.amount),
        unit: s(b.unit),
        owner: s(b.owner),
        baseline: s(b.baseline),
        target: s(b.target),
        measuredWhen: s(b.measuredWhen),
      })),
      ...Array.from({ length: BLANK_ROWS }, () => ({ ...blankBenefit })),
    ],
    investmentCost: m ? formatNokInput(m.investmentCost) : "",
    runningCost: m ? formatNokInput(m.runningCost) : "",
    financingText: m?.financingText ?? "",
    costKey: m?.costKey ?? "equal",
    equalPercent: s(m?.equalPercent),
    populationYear: s(m?.populationYear),
    priority: s(m?.priority),
    periodFrom: s(m?.periodFrom),
    periodTo: s(m?.periodTo),
    owner: s(m?.owner),
    participation: !m || m.allMembers ? "all" : "chosen",
    members: members
      // a former member shows only when it took part in this measure
      .filter((mm) => mm.leftOn === null || (participants.has(mm.municipalityId) && !m?.allMembers))
      .map((mm) => {
        const p = participants.get(mm.municipalityId);
        return {
          id: mm.municipalityId,
          selected: p && !m?.allMembers ? "on" : "",
          percent: p?.customShareBp != null ? formatPercentInput(p.customShareBp) : "",
          fromYear: s(p?.fromYear),
          toYear: s(p?.toYear),
        };
      }),
    status: m?.status ?? "proposed",
    statusText: s(m?.statusText),
    links: [...(m?.links ?? []), ...Array.from({ length: BLANK_ROWS }, () => ({ title: "", url: "" }))],
    introducesSystem: m?.introducesSystem ? "on" : "",
    phasedOutSystems: (m?.phasedOutSystems ?? []).join("\n"),
  };
}

/** The form's fields, as each part of the form receives them. */
export type MeasureFields = ReturnType<typeof useForm<MeasureFormValues>>[1];
