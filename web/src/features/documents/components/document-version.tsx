import { useState, type ReactNode } from 'react';

import { Badge, Button } from '@/components/ui';
import { formatDateTime } from '@/lib/format';

import { useDocument } from '../api/get-documents';
import { formatBytes, statusLabels } from '../model/labels';
import type { DocumentType, ShipmentDocument } from '../model/types';

import { DocumentViewer } from './document-viewer';
import { MetadataForm } from './metadata-form';
import { ReviewPanel } from './review-panel';
import { TransitionList } from './version-history';

export interface VersionPermissions {
  canUpload: boolean;
  canReview: boolean;
  canArchive: boolean;
}

export interface DocumentVersionProps extends VersionPermissions {
  document: ShipmentDocument;
  type: DocumentType | undefined;
  types: readonly DocumentType[];
  renderFindings?: ((documentId: string) => ReactNode) | undefined;
}

function Duplicates({ document: doc }: { document: ShipmentDocument }) {
  if (doc.duplicates.length === 0) return null;
  return (
    <ul aria-label="Possible duplicates" className="space-y-0.5 text-sm text-amber-900">
      {doc.duplicates.map((duplicate) => (
        <li key={`${duplicate.kind}:${duplicate.documentId}`}>
          <span aria-hidden="true">⚠ </span>
          {duplicate.kind === 'same_file' ? 'Same file' : 'Same reference number'} as on shipment{' '}
          {duplicate.shipmentReference ?? duplicate.shipmentId}
        </li>
      ))}
    </ul>
  );
}

function MetadataEditor(props: { document: ShipmentDocument; type: DocumentType | undefined; types: readonly DocumentType[]; onDone: () => void }) {
  const detail = useDocument(props.document.id);
  return <MetadataForm {...props} suggestions={detail.data?.suggestions ?? null} />;
}

/** One version: status, file, duplicates; opens to the viewer, metadata, history and the review panel. */
export function DocumentVersion({ document: doc, type, types, canUpload, canReview, canArchive, renderFindings }: DocumentVersionProps) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const status = statusLabels[doc.status];
  const editable = doc.status === 'uploaded' || doc.status === 'under_review';
  const detailsId = `document-${doc.id}`;
  return (
    <li className="space-y-2 py-3" data-testid="document-version" data-status={doc.status}>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">Version {doc.version}</span>
            <Badge tone={status.tone}>{status.label}</Badge>
            {doc.current && <Badge tone="green">Current</Badge>}
            {doc.duplicates.length > 0 && <Badge tone="amber">Possible duplicate</Badge>}
          </div>
          <p className="text-sm break-all text-slate-700">
            {doc.originalName} · {formatBytes(doc.sizeBytes)} · uploaded {formatDateTime(doc.uploadedAt)}
            {doc.metadata.referenceNumber && <> · ref {doc.metadata.referenceNumber}</>}
          </p>
          <Duplicates document={doc} />
        </div>
        <Button
          variant="secondary"
          size="sm"
          aria-label={`${open ? 'Close' : 'Open'} version ${doc.version}`}
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Close' : 'Open'}
        </Button>
      </div>
      {open && (
        <div id={detailsId} className="space-y-4 rounded-md border border-slate-200 p-3">
          <DocumentViewer document={doc} />
          {editing ? (
            <MetadataEditor document={doc} type={type} types={types} onDone={() => setEditing(false)} />
          ) : (
            canUpload &&
            editable && (
              <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                Edit metadata
              </Button>
            )
          )}
          <ReviewPanel document={doc} canReview={canReview} canArchive={canArchive} findings={renderFindings?.(doc.id)} />
          <div>
            <h4 className="mb-1 text-sm font-semibold text-slate-900">History</h4>
            <TransitionList documentId={doc.id} />
          </div>
        </div>
      )}
    </li>
  );
}
