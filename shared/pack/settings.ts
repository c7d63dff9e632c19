/**
 * How a finding was made, defined once: the values a fact's `context.setting` takes, which of
 * them are work on cells outside the body, and how the Source screen and the guide describe
 * each. A finding in one specific setting does not answer a question about another (a culture
 * is not an animal, an animal is not a patient).
 */
export interface SettingDef {
  /** Cells grown outside the body: items say "cultured" and never place them "in" a disease. */
  readonly culture: boolean;
  /** A setting of its own that excludes the other specific ones. */
  readonly specific: boolean;
  /** What the Source screen says; undefined for a general statement. */
  readonly label: string | undefined;
  /** For the pack's authors (JSON Schema and the guide). */
  readonly docs: string;
}

export const settings = {
  general: {
    culture: false,
    specific: false,
    label: undefined,
    docs: 'a general statement (default)',
  },
  'in-vitro': {
    culture: true,
    specific: true,
    label: 'In cells or tissue in the lab (in vitro)',
    docs: 'cultured primary cells or tissue',
  },
  'cell-line': {
    culture: true,
    specific: true,
    label: 'In an established cell line (in vitro)',
    docs: 'an established cell line such as THP-1 or MC3T3-E1 (name it in cells)',
  },
  'ex-vivo': {
    culture: false,
    specific: true,
    label: 'In tissue or cells taken from the body and studied at once (ex vivo)',
    docs: 'tissue or cells taken from patients or animals and studied outside the body without being grown on',
  },
  'in-vivo': {
    culture: false,
    specific: true,
    label: 'In living animals (in vivo)',
    docs: 'living animals',
  },
  clinical: {
    culture: false,
    specific: true,
    label: 'In patients (clinical)',
    docs: 'patients or volunteers',
  },
  historical: {
    culture: false,
    specific: false,
    label: 'History of the field',
    docs: 'a discovery or a date in the field’s history',
  },
} as const satisfies Record<string, SettingDef>;

export type Setting = keyof typeof settings;
export const settingNames = Object.keys(settings) as [Setting, ...Setting[]];

export function isCultureSetting(setting: string | undefined): boolean {
  return (
    setting !== undefined &&
    Object.hasOwn(settings, setting) &&
    settings[setting as Setting].culture
  );
}

export function isSpecificSetting(setting: string | undefined): boolean {
  return (
    setting !== undefined &&
    Object.hasOwn(settings, setting) &&
    settings[setting as Setting].specific
  );
}
