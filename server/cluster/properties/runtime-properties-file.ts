import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PropertiesSyntaxError, parseJavaProperties } from './java-properties.ts';
import { type RuntimeProperties, RuntimePropertiesError, runtimePropertiesFrom } from './runtime-properties.ts';

/** Reads `--properties FILE`; every problem is a RuntimePropertiesError naming the file (and property or line). */
export function readRuntimePropertiesFile(path: string): RuntimeProperties {
  const file = resolve(path);
  let text: string;
  try {
    // Druid's PropertiesModule reads runtime.properties as UTF-8.
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RuntimePropertiesError(`Cannot read the properties file ${file}: ${(error as Error).message}`);
  }
  try {
    return runtimePropertiesFrom(parseJavaProperties(text), file);
  } catch (error) {
    if (error instanceof PropertiesSyntaxError) throw new RuntimePropertiesError(`${file}, ${error.message}`);
    throw error;
  }
}
