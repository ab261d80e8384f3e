import { Font } from "@react-pdf/renderer";
import { assertPdfFonts, PDF_FONT_FAMILY, PDF_FONT_FILES } from "./fonts.server";

/*
 * The PDF font registered with React PDF, and its metrics for measuring table text before layout.
 * Loaded only inside the PDF worker, like everything that imports React PDF.
 */

/** The width of a text in em: its characters' advances (kerning moves DejaVu Sans by a thousandth of an em at most). */
export type Advance = (text: string) => number;
export type FontMetrics = { regular: Advance; bold: Advance };
type LoadedFont = NonNullable<ReturnType<typeof Font.getFont>["data"]>;

function advanceOf(font: LoadedFont): Advance {
  const perCharacter = new Map<number, number>();
  return (text) => {
    let em = 0;
    for (const character of text) {
      const code = character.codePointAt(0)!;
      let advance = perCharacter.get(code);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm;
        perCharacter.set(code, advance);
      }
      em += advance;
    }
    return em;
  };
}

async function loadFonts(): Promise<FontMetrics> {
  assertPdfFonts();
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: PDF_FONT_FILES.regular, fontWeight: "normal" },
      { src: PDF_FONT_FILES.bold, fontWeight: "bold" },
    ],
  });
  // the built-in hyphenation is English and splits Norwegian words in wrong places
  Font.registerHyphenationCallback((word) => [word]);
  const load = async (fontWeight: "normal" | "bold") => {
    const source = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight });
    await source.load();
    return advanceOf(source.data!);
  };
  const [regular, bold] = await Promise.all([load("normal"), load("bold")]);
  return { regular, bold };
}

let fontMetrics: Promise<FontMetrics> | null = null;

/** Registers and loads the fonts once: React PDF renders with them, and tables measure their text with them. */
export function prepareFonts(): Promise<FontMetrics> {
  fontMetrics ??= loadFonts().catch((error: unknown) => {
    fontMetrics = null;
    throw error;
  });
  return fontMetrics;
}
