import { ProblemAlert, Spinner } from '@/components/ui';

import { useCompliance } from '../api/get-compliance';
import { humanise } from '../model/labels';

import { RequirementBadge } from './state-badge';

export interface RequirementChecklistProps {
  shipmentId: string;
  /** Display names of document types by code (from GET /api/document-types), when the caller has them. */
  typeNames?: ReadonlyMap<string, string>;
}

/** Each document type the shipment's rule set requires, its state and what to do next. */
export function RequirementChecklist({ shipmentId, typeNames }: RequirementChecklistProps) {
  const compliance = useCompliance(shipmentId);
  if (compliance.isPending) return <Spinner label="Loading the requirements…" />;
  if (compliance.isError) return <ProblemAlert error={compliance.error} title="The requirements could not be loaded" />;
  const { requirements } = compliance.data;
  if (requirements.length === 0) return <p className="text-sm text-slate-700">No documents are required for this shipment.</p>;
  return (
    <ul aria-label="Required documents" className="divide-y divide-slate-200 rounded-md border border-slate-200">
      {requirements.map((requirement) => (
        <li
          key={requirement.documentType}
          data-state={requirement.state}
          className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
        >
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {typeNames?.get(requirement.documentType) ?? humanise(requirement.documentType)}
              {requirement.version !== null && <span className="ml-1 text-xs text-slate-600">v{requirement.version}</span>}
            </p>
            <p className="text-sm text-slate-700">{requirement.message}</p>
            {requirement.nextAction && (
              <p className="text-sm text-slate-800">
                <span className="font-medium">Next: </span>
                {requirement.nextAction}
              </p>
            )}
          </div>
          <div className="shrink-0">
            <RequirementBadge state={requirement.state} />
          </div>
        </li>
      ))}
    </ul>
  );
}
