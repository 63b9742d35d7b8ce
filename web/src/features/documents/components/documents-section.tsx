import { useMemo, useState, type ReactNode } from 'react';

import { Button, Card, ProblemAlert, Spinner } from '@/components/ui';

import { useDocumentTypes } from '../api/get-document-types';
import { useShipmentDocuments } from '../api/get-documents';
import { humaniseCode } from '../model/labels';
import type { ShipmentDocument, UploadedDocument } from '../model/types';

import { DocumentVersion, type VersionPermissions } from './document-version';
import { MetadataForm } from './metadata-form';
import { UploadPanel } from './upload-panel';

export interface DocumentsSectionProps extends VersionPermissions {
  shipmentId: string;
  /** The requirement checklist, composed in by the app (compliance feature). */
  checklist?: ReactNode;
  /** Findings for one document in the review panel, composed in by the app (compliance feature). */
  renderFindings?: (documentId: string) => ReactNode;
}

/** Groups versions by type, newest first; types in the order the list first mentions them. */
function groupByType(documents: readonly ShipmentDocument[]): [string, ShipmentDocument[]][] {
  const groups = new Map<string, ShipmentDocument[]>();
  for (const doc of documents) groups.set(doc.type, [...(groups.get(doc.type) ?? []), doc]);
  return [...groups.entries()].map(([type, versions]) => [type, versions.sort((a, b) => b.version - a.version)]);
}

/** The documents tab: requirement checklist, upload with metadata, and every document with its versions. */
export function DocumentsSection({ shipmentId, checklist, renderFindings, canUpload, canReview, canArchive }: DocumentsSectionProps) {
  const documents = useShipmentDocuments(shipmentId);
  const types = useDocumentTypes();
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<UploadedDocument | null>(null);
  const typeList = useMemo(() => types.data ?? [], [types.data]);
  const typeOf = (code: string) => typeList.find((t) => t.code === code);

  let list;
  if (documents.isPending) list = <Spinner label="Loading the documents…" />;
  else if (documents.isError) list = <ProblemAlert error={documents.error} title="The documents could not be loaded" />;
  else if (documents.data.length === 0) list = <p className="text-sm text-slate-700">No documents uploaded yet.</p>;
  else {
    list = (
      <div className="space-y-4">
        {groupByType(documents.data).map(([type, versions]) => (
          <section key={type} aria-label={typeOf(type)?.name ?? humaniseCode(type)} className="rounded-md border border-slate-200 px-3">
            <h3 className="pt-3 font-semibold text-slate-900">{typeOf(type)?.name ?? humaniseCode(type)}</h3>
            <ul className="divide-y divide-slate-200">
              {versions.map((doc) => (
                <DocumentVersion
                  key={doc.id}
                  document={doc}
                  type={typeOf(type)}
                  types={typeList}
                  canUpload={canUpload}
                  canReview={canReview}
                  canArchive={canArchive}
                  renderFindings={renderFindings}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    );
  }

  return (
    <Card title="Documents">
      <div className="space-y-6">
        {checklist && (
          <div>
            <h3 className="mb-2 font-semibold text-slate-900">Required documents</h3>
            {checklist}
          </div>
        )}
        {canUpload && (
          <div className="space-y-3">
            {uploaded ? (
              <div className="space-y-2 rounded-md border border-emerald-200 p-3">
                <h3 className="font-semibold text-slate-900">Describe “{uploaded.originalName}”</h3>
                <MetadataForm
                  document={uploaded}
                  type={typeOf(uploaded.type)}
                  types={typeList}
                  suggestions={uploaded.suggestions ?? null}
                  onDone={() => setUploaded(null)}
                />
              </div>
            ) : uploading ? (
              <div className="space-y-2">
                <UploadPanel
                  shipmentId={shipmentId}
                  types={typeList}
                  onUploaded={(doc) => {
                    setUploading(false);
                    setUploaded(doc);
                  }}
                />
                <Button variant="ghost" size="sm" onClick={() => setUploading(false)}>
                  Cancel
                </Button>
              </div>
            ) : (
              <Button onClick={() => setUploading(true)}>Upload a document</Button>
            )}
          </div>
        )}
        {list}
      </div>
    </Card>
  );
}
