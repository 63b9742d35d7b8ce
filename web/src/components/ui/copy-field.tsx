import { useRef, useState, type InputHTMLAttributes } from 'react';

import { Button } from './button';
import { Input } from './input';

export interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
  inputProps?: InputHTMLAttributes<HTMLInputElement> & { 'data-testid'?: string };
}

/** A read-only value with a Copy button (falls back to selecting the text where the clipboard is unavailable). */
export function CopyField({ id, label, value, inputProps }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('select');
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          ref={input}
          id={id}
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-xs"
          {...inputProps}
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-700">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'select' && 'Press Ctrl+C (or ⌘C) to copy the selected link.'}
      </p>
    </div>
  );
}
