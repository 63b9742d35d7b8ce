import { ProblemAlert, Spinner } from '@/components/ui';

import { useCompliance } from '../api/get-compliance';

import { FindingsList } from './findings-list';

/** The compliance evaluation's findings about one document, for the review panel. */
export function DocumentFindings({ shipmentId, documentId, canOverride }: { shipmentId: string; documentId: string; canOverride: boolean }) {
  const compliance = useCompliance(shipmentId);
  if (compliance.isPending) return <Spinner label="Loading findings…" />;
  if (compliance.isError) return <ProblemAlert error={compliance.error} title="Findings could not be loaded" />;
  const findings = compliance.data.findings.filter((finding) => finding.documentId === documentId);
  return <FindingsList shipmentId={shipmentId} findings={findings} canOverride={canOverride} label="Findings for this document" />;
}
