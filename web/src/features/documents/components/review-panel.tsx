import { useState, type ReactNode } from 'react';

import { Button, ProblemAlert } from '@/components/ui';
import { isApiProblem } from '@/lib/api/problem';

import { useTransitionDocument } from '../api/change-document';
import type { ShipmentDocument } from '../model/types';

import { ReasonDialog } from './reason-dialog';

export interface ReviewPanelProps {
  document: ShipmentDocument;
  /** documents:review — approve and reject. */
  canReview: boolean;
  /** Admin of the owner organisation — archive. */
  canArchive: boolean;
  /** The compliance findings for this document, composed in by the app. */
  findings?: ReactNode;
}

/** The messages of a 409 `document-blocking-findings` (its `findings` member: a list of strings). */
function blockingFindings(error: unknown): string[] {
  if (!isApiProblem(error) || !error.is('document-blocking-findings')) return [];
  const findings = error.extensions['findings'];
  return Array.isArray(findings) ? findings.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Findings and the decisions a reviewer can take. Only actions the user's role allows are offered; a 409
 * `document-blocking-findings` from approving is shown with its messages.
 */
export function ReviewPanel({ document: doc, canReview, canArchive, findings }: ReviewPanelProps) {
  const transition = useTransitionDocument(doc.id);
  const [dialog, setDialog] = useState<'reject' | 'archive' | null>(null);
  const reviewable = canReview && doc.status === 'under_review';
  const archivable = canArchive && doc.status !== 'archived';
  if (!reviewable && !archivable) return null;

  const close = () => {
    transition.reset();
    setDialog(null);
  };

  return (
    <section aria-label="Review" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <h4 className="text-sm font-semibold text-slate-900">Review</h4>
      {reviewable && findings}
      {transition.isError && dialog === null && <ProblemAlert error={transition.error} title="The decision was not recorded" />}
      {dialog === null && blockingFindings(transition.error).length > 0 && (
        <ul aria-label="Blocking findings" className="list-disc pl-5 text-sm text-red-900">
          {blockingFindings(transition.error).map((finding) => (
            <li key={finding}>{finding}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {reviewable && (
          <>
            <Button
              size="sm"
              loading={transition.isPending && transition.variables.to === 'approved'}
              disabled={transition.isPending}
              onClick={() => transition.mutate({ to: 'approved' })}
            >
              Approve
            </Button>
            <Button variant="danger" size="sm" disabled={transition.isPending} onClick={() => setDialog('reject')}>
              Reject
            </Button>
          </>
        )}
        {archivable && (
          <Button variant="ghost" size="sm" disabled={transition.isPending} onClick={() => setDialog('archive')}>
            Archive
          </Button>
        )}
      </div>
      {dialog === 'reject' && (
        <ReasonDialog
          title="Reject document"
          label="Reason for rejecting (the uploader is told)"
          confirm="Reject"
          pending={transition.isPending}
          error={transition.error}
          onConfirm={(reason) => transition.mutate({ to: 'rejected', reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'archive' && (
        <ReasonDialog
          title="Archive document"
          label="Reason for archiving"
          confirm="Archive"
          pending={transition.isPending}
          error={transition.error}
          onConfirm={(reason) => transition.mutate({ to: 'archived', reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
    </section>
  );
}
