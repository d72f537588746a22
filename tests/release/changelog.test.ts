/** The changelog shows a changed long text cell at the place it changed, with context either side. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedExcerpts, changelogEntry } from "../../pipeline/release/changelog.ts";

const SENTENCE =
  "The sentence reads as the memo prints it, with every clause kept in order, and the last words are the ones " +
  "that were corrected here";

describe("changelog excerpts", () => {
  it("show a change near the end of a long cell with the words around it, not a prefix cut before it", () => {
    const corrected = SENTENCE.replace("were corrected", "had been revised");
    const [before, after] = changedExcerpts(SENTENCE, corrected);
    expect(before).toBe("…last words are the ones that were corrected here");
    expect(after).toBe("…last words are the ones that had been revised here");
  });

  it("show a change in the middle with an ellipsis at both ends", () => {
    const [before, after] = changedExcerpts(SENTENCE, SENTENCE.replace("every clause", "each clause"));
    expect(before).toBe("…as the memo prints it, with every clause kept in order, and…");
    expect(after).toBe("…as the memo prints it, with each clause kept in order, and…");
  });

  it("keep short values whole", () => {
    expect(changedExcerpts("Attributed to officials.", "Attributed to Russian officials.")).toEqual([
      "Attributed to officials.",
      "Attributed to Russian officials.",
    ]);
  });

  it("written into an entry, make both sides readable", () => {
    const entry = changelogEntry("1.0.1", "2026-01-01", "patch", "1.0.0", {
      diffs: [
        {
          table: "figures",
          primaryKey: ["id"],
          status: "present",
          columnsAdded: [],
          columnsRemoved: [],
          columnsTightened: [],
          added: [],
          removed: [],
          changed: [{ key: "a", cells: [{ column: "note", from: SENTENCE, to: `${SENTENCE}.` }] }],
        },
      ],
      records: { figures: 1 },
      files: { added: [], removed: [], changed: [] },
      vocabulary: [],
      sourcesAdded: [],
      sourcesRemoved: [],
    });
    expect(entry).toContain(
      '- changed `a`: `note` "…ones that were corrected here" → "…ones that were corrected here."',
    );
  });

  it("always differ when the values differ, and are pieces of the values they come from", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 200 });
    fc.assert(
      fc.property(text, text, text, text, (head, x, y, tail) => {
        const from = head + x + tail;
        const to = head + y + tail;
        const [before, after] = changedExcerpts(from, to);
        if (from !== to) expect(before).not.toBe(after);
        for (const [excerpt, value] of [
          [before, from],
          [after, to],
        ] as const) {
          expect(value).toContain(excerpt.replace(/^…/, "").replace(/…$/, ""));
        }
      }),
    );
  });
});
