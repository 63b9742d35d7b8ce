import { useState } from 'react';

import { Button, ProblemAlert } from '@/components/ui';

import { fetchAuditPack, saveBlob, type DownloadProgress } from '../api/download-audit-pack';

export interface AuditPackButtonProps {
  shipmentId: string;
  reference: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Downloads the shipment's audit pack (ZIP with index PDF, documents, logs and a SHA-256 manifest), showing
 * the bytes received while it streams, then saves it. The server records the download in the audit log.
 */
export function AuditPackButton({ shipmentId, reference }: AuditPackButtonProps) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = progress !== null;

  async function download() {
    setError(null);
    setProgress({ received: 0, total: null });
    try {
      const pack = await fetchAuditPack(shipmentId, setProgress, `${reference}-audit-pack.zip`);
      saveBlob(pack.blob, pack.fileName);
    } catch (problem) {
      setError(problem);
    } finally {
      setProgress(null);
    }
  }

  const percent = progress?.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" loading={busy} onClick={() => void download()}>
        Audit pack
      </Button>
      {progress && (
        <div className="flex items-center gap-2 text-xs text-slate-700">
          <progress
            aria-label="Audit pack download"
            className="h-2 w-32"
            max={progress.total ?? undefined}
            value={progress.total ? progress.received : undefined}
          />
          <span role="status">
            {percent !== null ? `${percent} %` : 'Preparing…'} {progress.received > 0 && `${megabytes(progress.received)} received`}
          </span>
        </div>
      )}
      {error !== null && <ProblemAlert error={error} title="The audit pack could not be downloaded" className="max-w-md" />}
    </div>
  );
}
