import { ProblemAlert, Spinner } from '@/components/ui';
import { formatDateTime } from '@/lib/format';

import { useDocument } from '../api/get-documents';
import { statusLabels } from '../model/labels';

/** Every recorded transition of one version: from → to, who, when, why. */
export function TransitionList({ documentId }: { documentId: string }) {
  const detail = useDocument(documentId);
  if (detail.isPending) return <Spinner label="Loading the history…" />;
  if (detail.isError) return <ProblemAlert error={detail.error} title="The history could not be loaded" />;
  const transitions = detail.data.transitions ?? [];
  if (transitions.length === 0) return <p className="text-sm text-slate-700">No transitions recorded.</p>;
  return (
    <ol aria-label={`History of version ${detail.data.version}`} className="space-y-1 text-sm">
      {transitions.map((transition, index) => (
        <li key={index} className="text-slate-800">
          <span className="font-medium">
            {transition.from ? `${statusLabels[transition.from].label} → ` : ''}
            {statusLabels[transition.to].label}
          </span>{' '}
          · {transition.actorName ?? 'someone'} · <time dateTime={transition.occurredAt}>{formatDateTime(transition.occurredAt)}</time>
          {transition.reason && <span className="block text-slate-700">Reason: {transition.reason}</span>}
        </li>
      ))}
    </ol>
  );
}
