import { describe, expect, it } from "vitest";
import { sentence } from "../../pipeline/text/sentence.ts";

describe("sentence", () => {
  it("adds a full stop only where the text does not end as a sentence", () => {
    expect(sentence("Trade fell")).toBe("Trade fell.");
    expect(sentence("Trade fell.")).toBe("Trade fell.");
    expect(sentence("Does North Korea have a place?")).toBe("Does North Korea have a place?");
    expect(sentence("It did!")).toBe("It did!");
    expect(sentence("")).toBe("");
  });
});
