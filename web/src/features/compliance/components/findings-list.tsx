import { useState } from 'react';

import { Badge, Button } from '@/components/ui';

import type { Finding } from '../model/types';

import { OverrideDialog } from './override-dialog';

export interface FindingsListProps {
  shipmentId: string;
  findings: readonly Finding[];
  /** Whether the user holds compliance:override: only then is Override offered. */
  canOverride: boolean;
  label?: string;
}

/** Findings with severity (word and colour), their message, and the override if one was recorded. */
export function FindingsList({ shipmentId, findings, canOverride, label = 'Findings' }: FindingsListProps) {
  const [overriding, setOverriding] = useState<Finding | null>(null);
  if (findings.length === 0) return <p className="text-sm text-slate-700">No findings.</p>;
  return (
    <>
      <ul aria-label={label} className="space-y-2">
        {findings.map((finding) => (
          <li
            key={`${finding.ruleId}:${finding.documentId ?? ''}`}
            className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={finding.severity === 'blocking' ? 'red' : 'amber'}>
                  {finding.severity === 'blocking' ? 'Blocking' : 'Advisory'}
                </Badge>
                <span className="font-mono text-xs break-all text-slate-700">{finding.ruleId}</span>
                {finding.overrideId && <Badge tone="blue">Overridden</Badge>}
              </div>
              <p className="text-sm text-slate-900">{finding.message}</p>
              {finding.overrideId && finding.overrideReason && (
                <p className="text-sm text-slate-700">Override reason: {finding.overrideReason}</p>
              )}
            </div>
            {canOverride && !finding.overrideId && (
              <Button variant="secondary" size="sm" onClick={() => setOverriding(finding)}>
                Override
              </Button>
            )}
          </li>
        ))}
      </ul>
      {overriding && <OverrideDialog shipmentId={shipmentId} finding={overriding} onClose={() => setOverriding(null)} />}
    </>
  );
}
