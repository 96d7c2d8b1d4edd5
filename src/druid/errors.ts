/**
 * Thrown when text does not follow one of Druid's formats (instants, intervals, periods).
 * `message` is human-readable and, where Druid has a wording of its own, uses it.
 */
export class DruidFormatError extends Error {
  override readonly name = 'DruidFormatError';
  /** The text that failed to parse, when there was one. */
  readonly input: string | undefined;

  constructor(message: string, input?: string) {
    super(message);
    this.input = input;
  }
}
