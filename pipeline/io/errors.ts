/** Where a problem is: the file, and when known the line and the record (an id or a list position). */
export interface Location {
  file: string;
  line?: number;
  record?: string;
}

/** An error in the pipeline's input, reported as `file:line [record]: message` without a stack trace. */
export class PipelineError extends Error {
  readonly location: Location;

  constructor(message: string, location: Location) {
    super(message);
    this.name = "PipelineError";
    this.location = location;
  }

  override toString(): string {
    const { file, line, record } = this.location;
    const where = line === undefined ? file : `${file}:${line}`;
    return `${where}${record === undefined ? "" : ` [${record}]`}: ${this.message}`;
  }
}

/** Several input errors found in one pass, so a curator sees them all at once. */
export class PipelineErrors extends Error {
  readonly errors: PipelineError[];

  constructor(errors: PipelineError[]) {
    super(reportLines(errors).join("\n"));
    this.name = "PipelineErrors";
    this.errors = errors;
  }
}

/** Throws every collected error at once; returns quietly when there are none. */
export function throwIfAny(errors: PipelineError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new PipelineErrors(errors);
}

/** At most this many errors are printed, the rest counted: 10,000 echoes of one mistake would hide the others. */
export const MAX_REPORTED_ERRORS = 20;

/** One line per error, the first `limit` of them, then how many more there are. */
export function reportLines(errors: readonly PipelineError[], limit = MAX_REPORTED_ERRORS): string[] {
  const lines = errors.slice(0, limit).map(String);
  if (errors.length > limit) lines.push(`… and ${errors.length - limit} more (${errors.length} errors in all)`);
  return lines;
}
