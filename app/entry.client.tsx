import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n/config";
import { loadLanguage } from "./i18n/texts.client";

// The page hydrates in the language it was rendered in: the root names it in <html lang> and
// its texts in the preload link.
const lang = isLanguage(document.documentElement.lang) ? document.documentElement.lang : DEFAULT_LANGUAGE;
const texts = document.getElementById("texts")?.getAttribute("href") ?? `/texts/${lang}`;

void loadLanguage(lang, texts).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
