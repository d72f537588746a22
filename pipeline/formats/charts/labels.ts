/**
 * Labels placed beside their marks without overlap: each label tries the places its mark allows, in order of
 * preference, and takes the first that stays inside the plot and clear of every mark, rule and label placed
 * before it. Boxes are in pixels of the plot, measured as Vega measures text here (kit.ts's estimate), so the
 * SVG shows what was placed. A label with no free place is never overprinted: it is left out, for the chart to
 * show elsewhere (series.ts lists such labels under the plot).
 */
import { FONT_SIZE, LINE_HEIGHT, textWidth } from "./kit.ts";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a label stands against its mark. */
export type Side = "above" | "below" | "right" | "left" | "above-right" | "above-left" | "below-right" | "below-left";

export const ALL_SIDES: readonly Side[] = [
  "above",
  "below",
  "right",
  "left",
  "above-right",
  "above-left",
  "below-right",
  "below-left",
];

export interface LabelRequest {
  /** The label's lines, and other ways to break it into lines, tried in order where the first has no room. */
  layouts: string[][];
  /** The mark's centre and half size, in plot pixels. */
  x: number;
  y: number;
  radius: number;
  /** The places to try, best first. */
  sides: readonly Side[];
}

export interface PlacedLabel {
  lines: string[];
  /** The top left corner of the label's text. */
  left: number;
  top: number;
  box: Box;
}

/** Pixels between a mark's edge and its label. */
const GAP = 3;
/** How much further out a label may stand when no place beside its mark is free. */
const FARTHER = 8;

export class LabelPlacementError extends Error {}

/** The height of text of `lines` lines, as Vega bounds it. */
export function textHeight(lines: number): number {
  return FONT_SIZE + (lines - 1) * LINE_HEIGHT;
}

export function boxAround(x: number, y: number, halfWidth: number, halfHeight = halfWidth): Box {
  return { x1: x - halfWidth, y1: y - halfHeight, x2: x + halfWidth, y2: y + halfHeight };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x1 >= bounds.x1 && box.x2 <= bounds.x2 && box.y1 >= bounds.y1 && box.y2 <= bounds.y2;
}

/**
 * Places the labels in order. `obstacles` are every mark and rule drawn; each label placed becomes one for the
 * next. A label with no free place is null, and takes no room from the labels after it.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], bounds: Box): (PlacedLabel | null)[] {
  const taken = [...obstacles];
  return requests.map((request) => {
    for (const lines of request.layouts) {
      const width = Math.max(...lines.map((line) => textWidth(line)));
      const height = textHeight(lines.length);
      // Beside the mark first; then a little further out, still nearest it of all marks.
      for (const [side, distance] of [0, FARTHER].flatMap((d) => request.sides.map((side) => [side, d] as const))) {
        const [left, top] = corner(side, { ...request, radius: request.radius + distance }, width, height);
        const box = { x1: left, y1: top, x2: left + width, y2: top + height };
        if (inside(box, bounds) && !taken.some((other) => overlaps(box, other))) {
          taken.push(box);
          return { lines, left, top, box };
        }
      }
    }
    return null;
  });
}

/** The top left corner of a `width` × `height` label on `side` of its mark: beside it, or off one of its corners. */
function corner(side: Side, { x, y, radius }: LabelRequest, width: number, height: number): [number, number] {
  const reach = radius + GAP;
  const diagonal = radius + 1;
  switch (side) {
    case "above":
      return [x - width / 2, y - reach - height];
    case "below":
      return [x - width / 2, y + reach];
    case "right":
      return [x + reach, y - height / 2];
    case "left":
      return [x - reach - width, y - height / 2];
    case "above-right":
      return [x + diagonal, y - diagonal - height];
    case "above-left":
      return [x - diagonal - width, y - diagonal - height];
    case "below-right":
      return [x + diagonal, y + diagonal];
    case "below-left":
      return [x - diagonal - width, y + diagonal];
  }
}
