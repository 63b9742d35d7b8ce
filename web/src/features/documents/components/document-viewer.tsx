import { useEffect, useState } from 'react';

import { Button, ProblemAlert, Spinner } from '@/components/ui';

import { downloadDocument, fetchDocumentContent } from '../api/get-content';
import type { ShipmentDocument } from '../model/types';

type Preview = { kind: 'loading' } | { kind: 'ready'; url: string; type: string } | { kind: 'error'; error: unknown };

function previewKind(contentType: string): 'pdf' | 'image' | null {
  if (contentType === 'application/pdf') return 'pdf';
  // TIFF is an allowed upload but most browsers cannot show it.
  if (contentType.startsWith('image/') && contentType !== 'image/tiff') return 'image';
  return null;
}

/** PDF or image preview (fetched with auth as a blob, shown through an object URL), and a download button. */
export function DocumentViewer({ document: doc }: { document: ShipmentDocument }) {
  const kind = previewKind(doc.contentType);
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  const [downloadError, setDownloadError] = useState<unknown>(null);

  useEffect(() => {
    if (kind === null) return;
    let url: string | null = null;
    let cancelled = false;
    fetchDocumentContent(doc.id, { inline: true }).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setPreview({ kind: 'ready', url, type: blob.type || doc.contentType });
      },
      (error: unknown) => {
        if (!cancelled) setPreview({ kind: 'error', error });
      },
    );
    return () => {
      cancelled = true;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [doc.id, doc.contentType, kind]);

  const title = `${doc.originalName} (version ${doc.version})`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setDownloadError(null);
            downloadDocument(doc.id, doc.originalName).catch(setDownloadError);
          }}
        >
          Download
        </Button>
      </div>
      {downloadError !== null && <ProblemAlert error={downloadError} title="The download failed" />}
      {kind === null ? (
        <p className="text-sm text-slate-700">No preview for this file type; download it to open it.</p>
      ) : preview.kind === 'loading' ? (
        <Spinner label="Loading the preview…" />
      ) : preview.kind === 'error' ? (
        <ProblemAlert error={preview.error} title="The preview could not be loaded" />
      ) : kind === 'pdf' ? (
        <iframe src={preview.url} title={title} className="h-[70dvh] w-full rounded-md border border-slate-200" />
      ) : (
        <img src={preview.url} alt={title} className="max-h-[70dvh] max-w-full rounded-md border border-slate-200" />
      )}
    </div>
  );
}
