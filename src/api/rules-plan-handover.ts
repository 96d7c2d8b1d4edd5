/**
 * A rules file handed from one view to the rules-as-code plan (features never import each other): kept in
 * sessionStorage so a reload of the plan page plans it again; the link carries `?plan=handed-over`.
 */
const KEY = 'druid-console.rules-plan-handover';

export const HANDED_OVER_PLAN_HREF = '/rules-as-code?plan=handed-over';

export interface HandedOverRulesFile {
  fileName: string;
  /** A rules file in the export's JSON shape. */
  text: string;
}

/** False when the browser refused to store it (storage full or disabled). */
export function handOverRulesFile(file: HandedOverRulesFile): boolean {
  try {
    globalThis.sessionStorage.setItem(KEY, JSON.stringify(file));
    return true;
  } catch {
    return false;
  }
}

export function readHandedOverRulesFile(): HandedOverRulesFile | null {
  try {
    const value = JSON.parse(globalThis.sessionStorage.getItem(KEY) ?? 'null') as Partial<HandedOverRulesFile> | null;
    return typeof value?.fileName === 'string' && typeof value.text === 'string'
      ? { fileName: value.fileName, text: value.text }
      : null;
  } catch {
    return null;
  }
}
