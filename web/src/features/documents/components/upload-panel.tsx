import { useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

import { Alert, Field, ProblemAlert, Select } from '@/components/ui';
import { cn } from '@/lib/cn';

import { useUploadDocument } from '../api/upload-document';
import { acceptAttribute, checkUpload } from '../model/upload-check';
import type { DocumentType, UploadedDocument } from '../model/types';

export interface UploadPanelProps {
  shipmentId: string;
  types: readonly DocumentType[];
  onUploaded: (document: UploadedDocument) => void;
}

/** Pick a type, then drop a file (or choose one with the keyboard-accessible button); shows real upload progress. */
export function UploadPanel({ shipmentId, types, onUploaded }: UploadPanelProps) {
  const upload = useUploadDocument();
  const [type, setType] = useState('');
  const [typeError, setTypeError] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  function start(file: File | undefined) {
    upload.reset();
    setFileError(null);
    if (!file) return;
    if (type === '') {
      setTypeError('Choose the document type first.');
      return;
    }
    const problem = checkUpload(file);
    if (problem) {
      setFileError(problem);
      return;
    }
    upload.mutate({ shipmentId, file, type }, { onSuccess: onUploaded });
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!upload.isPending) start(event.dataTransfer.files[0]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  }

  return (
    <section aria-label="Upload a document" className="space-y-3">
      <Field label="Document type" error={typeError}>
        {(control) => (
          <Select
            {...control}
            value={type}
            onChange={(event) => {
              setType(event.target.value);
              setTypeError(undefined);
            }}
          >
            <option value="">Choose a type…</option>
            {types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div
        role="button"
        tabIndex={0}
        aria-label="Drop a file here or press Enter to choose one"
        aria-describedby={hintId}
        aria-disabled={upload.isPending || undefined}
        data-testid="drop-zone"
        onKeyDown={onKeyDown}
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-6 text-center text-sm focus:ring-2 focus:ring-emerald-700 focus:outline-none',
          dragging ? 'border-emerald-700 bg-emerald-50' : 'border-slate-400 bg-slate-50',
        )}
      >
        <span className="font-medium text-slate-900">Drop a file here</span>
        <span className="text-slate-700">or</span>
        <span className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800">Choose a file</span>
        <span id={hintId} className="text-xs text-slate-700">
          PDF, JPEG, PNG, TIFF, DOCX or XLSX, up to 50 MB.
        </span>
      </div>
      <input
        ref={input}
        type="file"
        accept={acceptAttribute}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="file-input"
        onChange={(event) => {
          start(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {upload.percent !== null && (
        <div className="space-y-1">
          <label className="block text-sm text-slate-800" htmlFor={`${hintId}-progress`}>
            Uploading… {upload.percent}%
          </label>
          <progress id={`${hintId}-progress`} max={100} value={upload.percent} className="h-2 w-full accent-emerald-700" />
        </div>
      )}
      {fileError && <Alert tone="error">{fileError}</Alert>}
      {upload.isError && <ProblemAlert error={upload.error} title="The file was not uploaded" />}
    </section>
  );
}
