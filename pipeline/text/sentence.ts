/** The text ending as a sentence does: a full stop added unless it ends with ".", "?" or "!" (or is empty). */
export function sentence(text: string): string {
  return text === "" || /[.?!]$/.test(text) ? text : `${text}.`;
}
