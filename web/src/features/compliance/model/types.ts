/**
 * Shapes of the compliance API (docs/architecture/documents-compliance-eudr.md), written by hand until the
 * lead regenerates `src/lib/api/schema.d.ts` from the merged backend; they will then be replaced by the
 * generated ones.
 */
export type OverallStatus = 'compliant' | 'in_progress' | 'non_compliant';
export type RequirementState = 'missing' | 'pending' | 'failed' | 'satisfied';
export type RegimeStatus = 'passed' | 'failed' | 'pending' | 'not_applicable';
export type Severity = 'blocking' | 'advisory';

export interface Requirement {
  documentType: string;
  state: RequirementState;
  documentId: string | null;
  version: number | null;
  message: string;
  nextAction: string | null;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  documentId?: string | null;
  overrideId?: string | null;
  overrideReason?: string | null;
}

export interface Regime {
  code: string;
  status: RegimeStatus;
  findings: Finding[];
}

export interface ComplianceEvaluation {
  shipmentId: string;
  ruleSetVersion: string;
  overall: OverallStatus;
  requirements: Requirement[];
  regimes: Regime[];
  findings: Finding[];
  evaluatedAt: string;
}

export interface OverrideRequest {
  ruleId: string;
  documentId?: string | null;
  reason: string;
}

/** The server's minimum; checked here too so the user learns it before sending. */
export const minOverrideReasonLength = 10;
