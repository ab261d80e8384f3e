import { existsSync } from "node:fs";

/*
 * The PDF font. The standard PDF fonts cover æøå but not every name a municipality or a comment
 * may hold (Sami letters such as ŋ and ŧ, dashes, arrows); DejaVu Sans covers them, and Debian
 * ships it in fonts-dejavu-core (.ci/run installs it). It is embedded, so the reader needs nothing.
 */
export const PDF_FONT_FAMILY = "DejaVu Sans";
export const PDF_FONT_FILES = {
  regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
} as const;

export class PdfFontMissingError extends Error {
  constructor(missing: string[]) {
    super(
      `PDF export needs the font DejaVu Sans, but ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing. ` +
        "Install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core).",
    );
    this.name = "PdfFontMissingError";
  }
}

export function assertPdfFonts(): void {
  const missing = Object.values(PDF_FONT_FILES).filter((file) => !existsSync(file));
  if (missing.length) throw new PdfFontMissingError(missing);
}
