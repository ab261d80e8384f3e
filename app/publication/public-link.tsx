import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * Links between public pages keep the language the visitor chose: it lives in the address
 * (`?lang=`), as public pages set no cookie.
 */
export function useKeepLanguage(): (to: string) => string {
  const lang = new URLSearchParams(useLocation().search).get("lang");
  return (to) => (lang ? `${to}${to.includes("?") ? "&" : "?"}lang=${encodeURIComponent(lang)}` : to);
}

export function PublicLink({ to, children, className = "ds-link" }: { to: string; children: ReactNode; className?: string }) {
  const keep = useKeepLanguage();
  return (
    <Link to={keep(to)} className={className}>
      {children}
    </Link>
  );
}
