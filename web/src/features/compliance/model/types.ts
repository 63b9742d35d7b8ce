import type { Schemas } from '@/lib/api/types';

/** The compliance API's shapes, from the generated schema (`ComplianceEvaluation`, `ComplianceController`). */
export type OverallStatus = Schemas['ComplianceOverall'];
export type RequirementState = Schemas['RequirementState'];
export type RegimeStatus = Schemas['RegimeStatus'];
export type Severity = Schemas['Severity'];
export type Requirement = Schemas['Requirement'];
export type Finding = Schemas['Finding'];
export type Regime = Schemas['Regime'];
export type ComplianceEvaluation = Schemas['ComplianceEvaluation'];
export type OverrideRequest = Schemas['OverrideRequest'];
export type Override = Schemas['OverrideView'];

/** The server's minimum; checked here too so the user learns it before sending. */
export const minOverrideReasonLength = 10;
