/**
 * Rules files as JSON or YAML. YAML is read and written with the `yaml` package, imported only when a YAML file is
 * met, so it never weighs on the console's first load. Both shapes are the same: `GET /druid/coordinator/v1/rules`.
 */
import { formatRulesFile, parseRulesFile, type RulesFileResult, readRulesFile } from '../druid/rules-file.ts';

export type RulesFileFormat = 'json' | 'yaml';

/** YAML for names ending in .yaml or .yml, JSON otherwise. */
export function rulesFileFormat(fileName: string): RulesFileFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/** Parses and validates a rules file in the format its name says. */
export async function parseRulesFileText(fileName: string, text: string): Promise<RulesFileResult> {
  if (rulesFileFormat(fileName) === 'json') return parseRulesFile(text);
  if (text.trim() === '') return { ok: false, errors: ['The file is empty.'] };
  const { parseDocument } = await import('yaml');
  // Plain YAML 1.2 core schema: no custom tags, and keys such as `on` stay strings.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => {
        const where = error.linePos?.[0];
        const position = where ? ` (line ${where.line}, column ${where.col})` : '';
        return `The file is not valid YAML${position}: ${error.message.split('\n')[0]}`;
      }),
    };
  }
  return readRulesFile(document.toJS({ maxAliasCount: 100 }));
}

/** The file's text in the given format; YAML keeps the JSON file's order (`_default` first, names sorted). */
export async function formatRulesFileText(
  rules: Readonly<Record<string, readonly unknown[]>>,
  format: RulesFileFormat,
): Promise<string> {
  const json = formatRulesFile(rules);
  if (format === 'json') return json;
  const { stringify } = await import('yaml');
  return stringify(JSON.parse(json), { lineWidth: 0 });
}
