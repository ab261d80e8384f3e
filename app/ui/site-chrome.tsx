import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CooperationRole } from "../../db/schema";
import { LANGUAGES } from "../i18n/config";
import { useLanguage } from "../i18n/use-language";

interface HeaderProps {
  user: { name: string; email: string; isPlatformAdmin: boolean } | null;
  cooperations: { slug: string; name: string; roles: CooperationRole[] }[];
  /** Public pages carry their language in the address instead of a saved choice. */
  languageInAddress: boolean;
}

export function SiteHeader({ user, cooperations, languageInAddress }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common:shell.skipToContent")}
      </a>
      <header className="no-print border-b border-gray-300 bg-white">
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link to="/" className="ds-link text-xl font-semibold">
            Fellesløft
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            <LanguageSwitcher inAddress={languageInAddress} />
            {user ? (
              <Form method="post" action="/logout" className="flex flex-wrap items-center gap-2">
                <span className="ds-paragraph" data-size="sm">
                  {t("common:shell.signedInAs", { name: user.name })}
                </span>
                <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                  {t("common:shell.logout")}
                </button>
              </Form>
            ) : (
              <Link to="/login" className="ds-link">
                {t("common:shell.login")}
              </Link>
            )}
          </div>
        </div>
        {user && (cooperations.length > 0 || user.isPlatformAdmin) ? (
          <nav aria-label={t("common:shell.mainNav")} className="mx-auto w-full max-w-6xl px-4 pb-3">
            <ul className="flex list-none flex-wrap gap-4 p-0 m-0">
              {cooperations.map((c) => (
                <li key={c.slug}>
                  <Link className="ds-link" to={`/c/${c.slug}`}>
                    {c.name}
                  </Link>
                </li>
              ))}
              {user.isPlatformAdmin ? (
                <li>
                  <Link className="ds-link" to="/admin">
                    {t("common:shell.platformAdmin")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </header>
    </>
  );
}

/**
 * On public pages the language is part of the address (a GET form adds `?lang=`), so the page
 * stays the same for everyone and sets no cookie; elsewhere the choice is saved for the user.
 */
function LanguageSwitcher({ inAddress }: { inAddress: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  return (
    <Form
      method={inAddress ? "get" : "post"}
      action={inAddress ? location.pathname : "/language"}
      className="flex items-end gap-2"
    >
      {inAddress ? null : <input type="hidden" name="redirectTo" value={location.pathname + location.search} />}
      <div className="ds-field">
        <label className="ds-label" data-size="sm" htmlFor="language-select">
          {t("common:shell.language")}
        </label>
        <select id="language-select" name="lang" defaultValue={lang} className="ds-input" data-size="sm" key={lang}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`common:languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
        {t("common:shell.changeLanguage")}
      </button>
    </Form>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="no-print mt-8 border-t border-gray-300">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap gap-4 px-4 py-4">
        <Link className="ds-link" to="/accessibility">
          {t("common:shell.accessibilityStatement")}
        </Link>
        <span className="ds-paragraph" data-size="sm">
          {t("common:shell.tagline")}
        </span>
      </div>
    </footer>
  );
}
