/** The text formats' rules, for tests that normalize a text as a source of that format would be. */
import { textRules } from "../../pipeline/ingest/text-format.ts";
import { textFormat as pdfMarkdown } from "../../pipeline/ingest/text-formats/pdf-markdown.ts";
import { textFormat as plainText } from "../../pipeline/ingest/text-formats/plain-text.ts";

/** The memo's format: Markdown converted from a PDF. */
export const PDF_MARKDOWN = textRules(pdfMarkdown);
export const PLAIN_TEXT = textRules(plainText);
