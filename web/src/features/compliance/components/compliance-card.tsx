import { Badge, Card, ProblemAlert, Spinner } from '@/components/ui';
import { formatDateTime } from '@/lib/format';

import { useCompliance } from '../api/get-compliance';
import { overallStates, regimeName, regimeStates, requirementStates } from '../model/labels';
import type { RequirementState } from '../model/types';

import { FindingsList } from './findings-list';

const stateOrder: RequirementState[] = ['satisfied', 'pending', 'missing', 'failed'];

/** The shipment's one compliance answer: overall, rule-set version, regimes, requirement counts, findings. */
export function ComplianceCard({ shipmentId, canOverride }: { shipmentId: string; canOverride: boolean }) {
  const compliance = useCompliance(shipmentId);
  let content;
  if (compliance.isPending) content = <Spinner label="Loading compliance…" />;
  else if (compliance.isError) content = <ProblemAlert error={compliance.error} title="Compliance could not be loaded" />;
  else {
    const evaluation = compliance.data;
    const overall = overallStates[evaluation.overall];
    const counts = new Map<RequirementState, number>();
    for (const requirement of evaluation.requirements) counts.set(requirement.state, (counts.get(requirement.state) ?? 0) + 1);
    content = (
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="compliance-overall">
            <Badge tone={overall.tone}>{overall.label}</Badge>
          </span>
          <span className="text-sm text-slate-700">
            Rule set <span className="font-mono">{evaluation.ruleSetVersion}</span> · evaluated {formatDateTime(evaluation.evaluatedAt)}
          </span>
        </div>
        <dl aria-label="Requirements by state" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {stateOrder.map((state) => (
            <div key={state} className="rounded-md border border-slate-200 p-2">
              <dt className="text-xs text-slate-700">{requirementStates[state].label}</dt>
              <dd className="text-lg font-semibold text-slate-900" data-testid={`count-${state}`}>
                {counts.get(state) ?? 0}
              </dd>
            </div>
          ))}
        </dl>
        {evaluation.regimes.length > 0 && (
          <ul aria-label="Regimes" className="flex flex-wrap gap-2">
            {evaluation.regimes.map((regime) => (
              <li key={regime.code} className="flex items-center gap-1 text-sm text-slate-900">
                <span>{regimeName(regime.code)}:</span>
                <Badge tone={regimeStates[regime.status].tone}>{regimeStates[regime.status].label}</Badge>
              </li>
            ))}
          </ul>
        )}
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Findings</h3>
          <FindingsList shipmentId={shipmentId} findings={evaluation.findings} canOverride={canOverride} label="Compliance findings" />
        </div>
      </div>
    );
  }
  return <Card title="Compliance">{content}</Card>;
}
