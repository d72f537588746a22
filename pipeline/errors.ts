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
    super(errors.map(String).join("\n"));
    this.name = "PipelineErrors";
    this.errors = errors;
  }
}

/** Throws every collected error at once; returns quietly when there are none. */
export function throwIfAny(errors: PipelineError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new PipelineErrors(errors);
}
