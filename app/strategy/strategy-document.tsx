import { Link, useActionData } from "@remix-run/react";
import { StrategyIntentSchema } from "@shared-schema/strategy";
import { useTranslation } from "react-i18next";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import type { StrategyDetail } from "./strategy-read.server";
import { ValidatedForm } from "../ui/validated-form";
import { replyFor, type FormReply } from "../utils/form-reply";
import { osloYear } from "@shared-schema/dates";
import { Section } from "../ui/section";
import { DecisionFacts } from "../decision/decision-facts";

/*
 * One strategy as a document: text, focus areas and goals, the adoption decision, yearly
 * evaluations and history. Edit controls only when `canEdit` (the secretariat) — content controls
 * only for a draft. Every control is a plain form or link, so all of it works without JavaScript.
 */

type Detail = Omit<StrategyDetail, never>;

/** Which small button was sent (the reply names it): its intent, item and direction. */
export function smallButtonName(field: (name: "intent" | "id" | "direction") => unknown): string {
  return (["intent", "id", "direction"] as const).map(field).filter(Boolean).join(":");
}

function SmallButton({
  intent,
  id,
  version,
  direction,
  label,
  itemName,
  variant = "secondary",
  color,
}: {
  intent: string;
  id?: string;
  version?: number;
  direction?: "up" | "down";
  label: string;
  itemName?: string;
  variant?: "primary" | "secondary" | "tertiary";
  color?: "danger";
}) {
  const name = smallButtonName((field) => ({ intent, id, direction })[field]);
  const reply = replyFor(useActionData<FormReply>(), name);
  return (
    <ValidatedForm id={`strategy-${name}`} schema={StrategyIntentSchema} lastResult={reply} className="inline">
      <input type="hidden" name="intent" value={intent} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="ds-button" data-variant={variant} data-size="sm" data-color={color}>
        {label}
        {itemName ? <span className="ds-sr-only">: {itemName}</span> : null}
      </button>
    </ValidatedForm>
  );
}

/**
 * The edit controls of one focus area or goal in a draft: move up and down (only where there is a
 * neighbour), the given links, remove. Each names its item for screen readers, as the visible
 * labels repeat down the page.
 */
function ItemControls({
  className,
  item,
  index,
  count,
  version,
  intents,
  removeLabel,
  links,
}: {
  className: string;
  item: { id: string; name: string };
  /** the item's place among its siblings, and how many there are */
  index: number;
  count: number;
  version: number;
  intents: { move: string; remove: string };
  removeLabel: string;
  links: { to: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      {index > 0 ? (
        <SmallButton
          intent={intents.move}
          id={item.id}
          version={version}
          direction="up"
          label={t("strategy:moveUp")}
          itemName={item.name}
        />
      ) : null}
      {index < count - 1 ? (
        <SmallButton
          intent={intents.move}
          id={item.id}
          version={version}
          direction="down"
          label={t("strategy:moveDown")}
          itemName={item.name}
        />
      ) : null}
      {links.map((link) => (
        <Link key={link.to} className="ds-button" data-variant="secondary" data-size="sm" to={link.to}>
          {link.label}
          <span className="ds-sr-only">: {item.name}</span>
        </Link>
      ))}
      <SmallButton
        intent={intents.remove}
        id={item.id}
        version={version}
        label={removeLabel}
        itemName={item.name}
        variant="tertiary"
        color="danger"
      />
    </div>
  );
}

export function StrategyStatusTag({ status }: { status: Detail["status"] }) {
  const { t } = useTranslation();
  const color = status === "adopted" ? "success" : status === "draft" ? "warning" : "neutral";
  return (
    <span className="ds-tag" data-color={color}>
      {t(`common:strategyStatus.${status}`)}
    </span>
  );
}

export function StrategyDocument({
  strategy,
  slug,
  canEdit,
  note,
}: {
  strategy: Detail;
  slug: string;
  canEdit: boolean;
  /** a line shown under the title (e.g. "no strategy adopted yet") */
  note?: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const base = `/c/${slug}/strategies/${strategy.id}`;
  const draft = strategy.status === "draft";
  const editContent = canEdit && draft;
  const thisYear = osloYear();
  const evaluationYears: number[] = [];
  for (let y = strategy.periodFrom; y <= Math.min(strategy.periodTo + 1, thisYear); y++) evaluationYears.push(y);

  return (
    <article aria-labelledby="strategy-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="strategy-title" className="ds-heading" data-size="lg">
          {strategy.title}
        </h1>
        <p className="ds-paragraph flex flex-wrap items-center gap-2">
          <StrategyStatusTag status={strategy.status} />
          <span>
            {t("strategy:period")}: {t("strategy:periodValue", { from: strategy.periodFrom, to: strategy.periodTo })}
          </span>
          {strategy.decision ? (
            <span>
              · {t("strategy:decidedOn")} {formatDate(lang, strategy.decision.decidedOn)}
            </span>
          ) : null}
        </p>
        {note ? <p className="ds-paragraph">{note}</p> : null}
        {strategy.revisionOf ? (
          <p className="ds-paragraph">
            {t("strategy:history.revisionOf")}{" "}
            <Link className="ds-link" to={`/c/${slug}/strategies/${strategy.revisionOf.id}`}>
              {strategy.revisionOf.title}
            </Link>{" "}
            ({t(`common:strategyStatus.${strategy.revisionOf.status}`)})
          </p>
        ) : null}
        {strategy.status === "adopted" && canEdit ? (
          <div className="ds-alert" data-color="info">
            <p className="ds-paragraph">{t("strategy:frozenNote")}</p>
          </div>
        ) : null}
        {strategy.status === "archived" ? (
          <div className="ds-alert" data-color="info">
            <p className="ds-paragraph">{t("strategy:archivedNote")}</p>
          </div>
        ) : null}
      </header>

      {canEdit ? (
        <nav aria-label={t("strategy:editControls")} className="flex flex-wrap gap-2" data-testid="strategy-edit-controls">
          {draft ? (
            <>
              <Link className="ds-button" data-variant="secondary" to={`${base}/edit`}>
                {t("strategy:editBasics")}
              </Link>
              <Link className="ds-button" data-variant="secondary" to={`${base}/area`}>
                {t("strategy:addFocusArea")}
              </Link>
              {strategy.focusAreas.length ? (
                <Link className="ds-button" data-variant="secondary" to={`${base}/goal`}>
                  {t("strategy:addGoal")}
                </Link>
              ) : null}
              <Link className="ds-button" data-variant="primary" to={`${base}/adopt`}>
                {t("strategy:adopt")}
              </Link>
            </>
          ) : null}
          {strategy.status === "adopted" ? <SmallButton intent="startRevision" label={t("strategy:startRevision")} /> : null}
        </nav>
      ) : null}

      {strategy.vision ? (
        <Section id="vision-heading" title={t("strategy:vision")}>
          <p className="ds-paragraph italic">{strategy.vision}</p>
        </Section>
      ) : null}
      {strategy.purpose ? (
        <Section id="purpose-heading" title={t("strategy:purpose")}>
          <p className="ds-paragraph whitespace-pre-line">{strategy.purpose}</p>
        </Section>
      ) : null}
      {strategy.principles.length ? (
        <Section id="principles-heading" title={t("strategy:principles")}>
          <ul className="ds-list">
            {strategy.principles.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {strategy.nationalGuidelines.length ? (
        <Section id="guidelines-heading" title={t("strategy:nationalGuidelines")}>
          <ul className="ds-list">
            {strategy.nationalGuidelines.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="areas-heading" title={t("strategy:focusAreas")} gap={4}>
        {strategy.focusAreas.length === 0 ? <p className="ds-paragraph">{t("strategy:noFocusAreas")}</p> : null}
        <ol className="m-0 flex list-none flex-col gap-6 p-0">
          {strategy.focusAreas.map((area, areaIndex) => (
            <li key={area.id} className="flex flex-col gap-2 border-l-4 border-gray-300 pl-3" data-testid="focus-area">
              <h3 className="ds-heading" data-size="sm">
                {area.title}
              </h3>
              {editContent ? (
                <ItemControls
                  className="flex flex-wrap gap-2"
                  item={{ id: area.id, name: area.title }}
                  index={areaIndex}
                  count={strategy.focusAreas.length}
                  version={strategy.version}
                  intents={{ move: "moveArea", remove: "removeArea" }}
                  removeLabel={t("strategy:removeFocusArea")}
                  links={[
                    { to: `${base}/area?area=${area.id}`, label: t("strategy:editFocusArea") },
                    { to: `${base}/goal?area=${area.id}`, label: t("strategy:addGoal") },
                  ]}
                />
              ) : null}
              {area.description ? (
                <>
                  <h4 className="ds-heading" data-size="2xs">
                    {t("strategy:description")}
                  </h4>
                  <p className="ds-paragraph whitespace-pre-line">{area.description}</p>
                </>
              ) : null}
              {area.rationale ? (
                <>
                  <h4 className="ds-heading" data-size="2xs">
                    {t("strategy:rationale")}
                  </h4>
                  <p className="ds-paragraph whitespace-pre-line">{area.rationale}</p>
                </>
              ) : null}
              <h4 className="ds-heading" data-size="2xs">
                {t("strategy:goals")}
              </h4>
              {area.goals.length === 0 ? <p className="ds-paragraph">{t("strategy:noGoals")}</p> : null}
              <ol className="ds-list flex flex-col gap-2">
                {area.goals.map((goal, goalIndex) => (
                  <li key={goal.id} data-testid="goal">
                    <span>{goal.text}</span>
                    {goal.indicator || goal.target ? (
                      <dl className="m-0 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[max-content_1fr]">
                        {goal.indicator ? (
                          <>
                            <dt className="font-semibold">{t("strategy:indicator")}</dt>
                            <dd className="m-0">{goal.indicator}</dd>
                          </>
                        ) : null}
                        {goal.target ? (
                          <>
                            <dt className="font-semibold">{t("strategy:target")}</dt>
                            <dd className="m-0">{goal.target}</dd>
                          </>
                        ) : null}
                      </dl>
                    ) : null}
                    {editContent ? (
                      <ItemControls
                        className="mt-1 flex flex-wrap gap-2"
                        item={{ id: goal.id, name: goal.text }}
                        index={goalIndex}
                        count={area.goals.length}
                        version={strategy.version}
                        intents={{ move: "moveGoal", remove: "removeGoal" }}
                        removeLabel={t("strategy:removeGoal")}
                        links={[{ to: `${base}/goal?goal=${goal.id}`, label: t("strategy:editGoal") }]}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </Section>

      <Section id="decision-heading" title={t("strategy:decision.heading")}>
        {strategy.decision ? (
          <DecisionFacts decision={strategy.decision} testId="decision" />
        ) : (
          <p className="ds-paragraph">{t("strategy:decision.none")}</p>
        )}
      </Section>

      <Section id="evaluation-heading" title={t("strategy:evaluation.heading")} gap={3}>
        <p className="ds-paragraph">{draft ? t("strategy:evaluation.draftNote") : t("strategy:evaluation.intro")}</p>
        {canEdit && !draft && evaluationYears.length ? (
          <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
            {evaluationYears.map((year) => (
              <li key={year}>
                <Link className="ds-link" to={`${base}/evaluations/${year}`}>
                  {t("strategy:evaluation.write", { year })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {!draft && strategy.evaluationYears.length === 0 ? <p className="ds-paragraph">{t("strategy:evaluation.none")}</p> : null}
        {strategy.evaluationYears.map((year) => (
          <section
            key={year}
            aria-labelledby={`evaluation-${year}`}
            className="flex flex-col gap-2"
            data-testid="evaluation-year"
          >
            <h3 id={`evaluation-${year}`} className="ds-heading" data-size="sm">
              {t("strategy:evaluation.yearHeading", { year })}
            </h3>
            <dl className="m-0 flex flex-col gap-2">
              {strategy.focusAreas.flatMap((area) =>
                area.goals
                  .filter((g) => g.evaluations.some((e) => e.year === year))
                  .map((g) => (
                    <div key={g.id}>
                      <dt className="font-semibold">{g.text}</dt>
                      <dd className="m-0 whitespace-pre-line">{g.evaluations.find((e) => e.year === year)!.assessment}</dd>
                    </div>
                  )),
              )}
            </dl>
          </section>
        ))}
      </Section>

      <Section id="history-heading" title={t("strategy:history.heading")}>
        {strategy.revisions.length ? (
          <>
            <p className="ds-paragraph">{t("strategy:history.revisions")}</p>
            <ul className="ds-list">
              {strategy.revisions.map((r) => (
                <li key={r.id}>
                  <Link className="ds-link" to={`/c/${slug}/strategies/${r.id}`}>
                    {r.title}
                  </Link>{" "}
                  ({t(`common:strategyStatus.${r.status}`)})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="ds-paragraph">{t("strategy:history.none")}</p>
        )}
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/c/${slug}/strategies`}>
            {t("strategy:allStrategies")}
          </Link>
        </p>
      </Section>
    </article>
  );
}
