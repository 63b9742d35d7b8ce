/** Public API of the compliance feature: what the app layer may compose. */
export { ComplianceCard } from './components/compliance-card';
export { DocumentFindings } from './components/document-findings';
export { RequirementChecklist } from './components/requirement-checklist';
