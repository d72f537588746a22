/**
 * Markdown converted from a PDF, as the memo's text is: backslash escapes (`\$`), `[anchor](#)` link markup, a
 * footnote paragraph (`¹ ...`) that landed where its page ended, and page breaks that split a sentence with a
 * blank line.
 */
import type { TextFormat } from "../text-format.ts";

export const textFormat: TextFormat = {
  name: "pdf-markdown",
  description:
    "Markdown converted from a PDF: escapes and link markup undone, footnotes set after the body, sentences " +
    "split by a page break rejoined",
  escapes: "$\\*_[]()#`",
  links: true,
  footnote: /[¹²³⁴⁵⁶⁷⁸⁹⁰]+ /uy,
  pageBreaks: true,
};
