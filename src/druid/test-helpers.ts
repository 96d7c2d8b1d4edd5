/** Small helpers shared by the unit tests of this folder. */
import { parseInstant } from './instant.ts';
import { type Interval, parseInterval } from './interval.ts';

/** The message of the error `run` throws; fails when it does not throw. */
export function errorMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected an error');
}

/** Epoch ms of an ISO instant in Druid's syntax. */
export const at = (text: string): number => parseInstant(text);

/** An interval in Druid's syntax. */
export const iv = (text: string): Interval => parseInterval(text);
