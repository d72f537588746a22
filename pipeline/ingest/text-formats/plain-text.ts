/** Plain text as written: paragraphs apart by blank lines, white space folded, nothing else undone. */
import type { TextFormat } from "../text-format.ts";

export const textFormat: TextFormat = {
  name: "plain-text",
  description: "Plain text as written: paragraphs separated by blank lines; only white space is folded",
  escapes: "",
  links: false,
  footnote: null,
  pageBreaks: false,
};
