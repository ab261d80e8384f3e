/*
 * Content-Disposition for a download (RFC 6266). Browsers take the exact name, æøå included,
 * from filename* (RFC 8187: UTF-8, percent-encoded); the plain filename is an ASCII stand-in for
 * clients that do not read filename*. Line breaks, quotes and path separators never reach the
 * header, so a name taken from user data cannot break out of it.
 */

const ASCII_LETTERS: Record<string, string> = { æ: "ae", Æ: "Ae", ø: "o", Ø: "O", å: "a", Å: "A", ß: "ss" };

function asciiFallback(filename: string): string {
  const ascii = filename
    .replace(/[æÆøØåÅß]/g, (c) => ASCII_LETTERS[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\/%]/g, "_")
    .trim();
  return ascii || "download";
}

/** Percent-encodes everything outside RFC 8187's attr-char (encodeURIComponent leaves ' ( ) * alone). */
function rfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  const name = filename.replace(/[\r\n\t\\/]+/g, " ").trim();
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc8187(name)}`;
}
