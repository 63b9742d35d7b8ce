import type { OverallStatus, RegimeStatus, RequirementState } from './types';

type Tone = 'green' | 'grey' | 'amber' | 'red' | 'blue';

/** Every state has a word as well as a colour, so nothing relies on colour alone. */
export const requirementStates: Record<RequirementState, { label: string; tone: Tone; icon: string }> = {
  missing: { label: 'Missing', tone: 'grey', icon: '○' },
  pending: { label: 'Pending review', tone: 'amber', icon: '◔' },
  failed: { label: 'Failed', tone: 'red', icon: '✕' },
  satisfied: { label: 'Satisfied', tone: 'green', icon: '✓' },
};

export const overallStates: Record<OverallStatus, { label: string; tone: Tone }> = {
  compliant: { label: 'Compliant', tone: 'green' },
  in_progress: { label: 'In progress', tone: 'amber' },
  non_compliant: { label: 'Non-compliant', tone: 'red' },
};

export const regimeStates: Record<RegimeStatus, { label: string; tone: Tone }> = {
  passed: { label: 'Passed', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
  pending: { label: 'Pending', tone: 'amber' },
  not_applicable: { label: 'Not applicable', tone: 'grey' },
};

/** The regimes the rule set 2026.1 evaluates (`Regime.code`); others are humanised. */
const regimeNames: Partial<Record<string, string>> = { eudr: 'EUDR', veterinary: 'Veterinary', phytosanitary: 'Phytosanitary' };

export function regimeName(code: string): string {
  return regimeNames[code] ?? humanise(code);
}

/** A rule set's codes are snake case (`bill_of_lading`); shown as words until the types are loaded. */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
