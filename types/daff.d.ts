/** The part of daff's API the release diff uses (daff ships no type declarations). */
declare module "daff" {
  class TableView {
    constructor(data: unknown[][]);
    data: unknown[][];
  }
  class CompareFlags {
    addPrimaryKey(column: string): void;
    unchanged_context: number;
    show_unchanged: boolean;
  }
  interface Alignment {}
  class TableDiff {
    constructor(alignment: Alignment, flags: CompareFlags);
    hilite(output: TableView): boolean;
  }
  function compareTables(local: TableView, remote: TableView, flags?: CompareFlags): { align(): Alignment };
  const daff: {
    TableView: typeof TableView;
    CompareFlags: typeof CompareFlags;
    TableDiff: typeof TableDiff;
    compareTables: typeof compareTables;
  };
  export default daff;
}
