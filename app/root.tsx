import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import dsCss from "@digdir/designsystemet-css/index.css";
import dsTheme from "@digdir/designsystemet-theme/digdir.css";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { userGrants } from "./cooperation/guards.server";
import { cooperationsFromGrants } from "./cooperation/scope.server";
import { i18nFor, DEFAULT_LANGUAGE } from "./i18n/config";
import { textsUrl } from "./i18n/i18n.server";
import { resolveLanguage } from "./cooperation/language.server";
import { publicPageLanguage } from "./publication/language.server";
import { isPublicPath } from "./publication/urls";
import { withTextCache } from "./i18n/text-cache";
import { loadLanguage } from "./i18n/texts.client";
import appCss from "./styles/app.css";
import { ErrorPage, errorPageTitle } from "./ui/error-page";
import { SiteFooter, SiteHeader } from "./ui/site-chrome";
import { ToastMessage } from "./ui/toast";
import { useNonce } from "./utils/nonce";
import { takeToast } from "./utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: appCss },
  { rel: "stylesheet", href: dsTheme },
  { rel: "stylesheet", href: dsCss },
];

export const meta: MetaFunction = ({ error, matches }) => (error ? errorPageTitle(matches, error) : [{ title: "Fellesløft" }]);

export async function loader(args: LoaderFunctionArgs) {
  const { request, params, context } = args;
  const user = context.user;
  const url = new URL(request.url);
  const lang = isPublicPath(url.pathname) ? await publicPageLanguage(url, params.slug) : await resolveLanguage(args, params.slug);
  const cooperations = user ? cooperationsFromGrants(await userGrants(args, user)) : [];
  const { toast, setCookie } = await takeToast(request);
  return json(
    {
      lang,
      texts: textsUrl(lang),
      requestId: context.requestId,
      user: user && { name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin },
      cooperations,
      toast,
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

/** A navigation into another language brings its texts before the page renders in it. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadLanguage(data.lang, data.texts);
  return data;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? DEFAULT_LANGUAGE;
  const i18n = withTextCache(i18nFor(lang));
  const nonce = useNonce();
  const location = useLocation();
  return (
    <html lang={lang} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* the browser fetches the page's texts while it loads the scripts; entry.client waits for them */}
        <link id="texts" rel="preload" as="fetch" crossOrigin="anonymous" href={data?.texts ?? `/texts/${lang}`} />
      </head>
      <body>
        {/* Keyed by language: a language change re-renders every text, including the header that
            stays mounted across navigations. */}
        <I18nextProvider i18n={i18n} key={lang}>
          <SiteHeader
            user={data?.user ?? null}
            cooperations={data?.cooperations ?? []}
            languageInAddress={isPublicPath(location.pathname)}
          />
          {/* data-path says which location the DOM shows: navigations render in a transition, so the
              address bar changes before the page does. The browser tests wait for the two to agree. */}
          <main
            id="main"
            tabIndex={-1}
            data-path={location.pathname + location.search}
            className="mx-auto w-full max-w-6xl px-4 py-6"
          >
            {data?.toast ? <ToastMessage toast={data.toast} /> : null}
            {children}
          </main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = ErrorPage;
