/**
 * The text a curator writes (curated YAML, dataset.yaml, source.json) must be valid Unicode and printable: every
 * format publishes it, and a lone surrogate (half of a UTF-16 pair, as an escape such as `\uD800` gives) becomes
 * U+FFFD in CSV and Parquet and bytes that are not UTF-8 in SQLite, while a control character hides in a cell.
 * Tab and newline are allowed in free text (notes, reasons, quotes), never in a name, a term or a title.
 */

/** The fields whose value is a name, a term, a title or an address: one line, no tab. */
const SINGLE_LINE_FIELDS = new Set([
  // curated records
  "id",
  "measure",
  "subject",
  "counterpart",
  "event_type",
  "plover",
  "actors",
  "claim_type",
  "qualifier",
  "kind",
  "unit",
  "formula",
  "a",
  "b",
  "c",
  "title",
  "name",
  "expect_period",
  "expect_date",
  // source.json
  "author",
  "affiliation",
  "series",
  "number",
  "published",
  "publisher",
  "url",
  "file",
  "text_format",
  "sha256",
]);

/** Whether the field named `key` allows tab and newline. */
export function allowsLineBreaks(key: string | undefined): boolean {
  return key === undefined || !SINGLE_LINE_FIELDS.has(key);
}

/**
 * Why `text` may not be curated text, or null: a lone surrogate, or a control character (C0, DEL, C1) other than
 * tab and newline where `lineBreaks` allows them.
 */
export function textProblem(text: string, lineBreaks: boolean): string | null {
  for (let i = 0, at = 1; i < text.length; i++, at++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++; // a pair: one character beyond the first plane
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      return (
        `not valid Unicode: a lone surrogate ${codePoint(code)} at character ${at} (half of a pair, as an escape ` +
        `such as \\u${code.toString(16).toUpperCase()} gives): write the character itself`
      );
    }
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (control && !(lineBreaks && (code === TAB || code === NEWLINE))) {
      const allowed = lineBreaks ? " (tab and newline only are allowed)" : " (this field is one line, without tabs)";
      return `a control character ${codePoint(code)} at character ${at}: remove it${allowed}`;
    }
  }
  return null;
}

const TAB = 0x09;
const NEWLINE = 0x0a;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
