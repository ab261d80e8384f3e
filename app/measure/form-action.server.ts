import type { DB } from "../../db/connect";
import { MeasureFormSchema, toMeasureInput } from "@shared-schema/measure";
import { listFocusAreasAndGoals, listMemberOptions } from "./catalogue.server";
import { createMeasure, updateMeasure } from "./edit.server";
import { redirectWithToast } from "../utils/toast.server";
import type { MeasureFormOptions } from "./measure-form-values";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import type { CooperationId } from "../cooperation/scope.server";
import { StaleVersionError } from "../utils/errors.server";
import { refusalReply } from "../utils/refusal-answers.server";

/** Focus areas, goals and municipalities the form offers. */
export async function measureFormOptions(db: DB, cooperationId: CooperationId): Promise<MeasureFormOptions> {
  const [strategies, members] = await Promise.all([
    listFocusAreasAndGoals(db, { cooperationId }),
    listMemberOptions(db, { cooperationId }),
  ]);
  return { strategies, members };
}

/**
 * Parses and saves the measure form. On an error the reply carries back everything typed
 * (Conform's submission.reply), with translation keys as messages; a stale version says so.
 */
export async function saveMeasureForm(
  db: DB,
  {
    request,
    cooperationId,
    userId,
    slug,
    number,
  }: { request: Request; cooperationId: CooperationId; userId: string; slug: string; number?: number },
) {
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: MeasureFormSchema });
  if (submission.status !== "success") {
    return formReply(submission.reply());
  }
  // the form lists every member, chosen or not: an unknown one is a forged or broken form, not ignored
  const members = new Set((await listMemberOptions(db, { cooperationId })).map((m) => m.municipalityId));
  if (submission.value.members.some((m) => !members.has(m.id))) {
    return formReply(submission.reply({ fieldErrors: { members: ["measure:validation.foreignParticipant"] } }));
  }
  const input = toMeasureInput(submission.value);
  try {
    if (number === undefined) {
      const created = await createMeasure(db, { cooperationId, userId, input });
      return redirectWithToast(`/c/${slug}/measures/${created.number}`, { kind: "success", key: "measure:form.created" });
    }
    const version = submission.value.version;
    if (version === undefined) throw new StaleVersionError("measure");
    const saved = await updateMeasure(db, { cooperationId, userId, number, version, input });
    return redirectWithToast(`/c/${slug}/measures/${saved.number}`, { kind: "success", key: "measure:form.saved" });
  } catch (error) {
    return refusalReply(submission, error);
  }
}

export function parseMeasureNumber(param: string | undefined): number | null {
  if (!param || !/^\d{1,5}$/.test(param)) return null;
  return Number(param);
}
