import { cn } from '@/lib/cn';

export interface SpinnerProps {
  size?: 'sm' | 'md';
  /** Text announced to screen readers; empty to hide the spinner from them (e.g. inside a busy button). */
  label?: string;
  className?: string;
}

export function Spinner({ size = 'md', label = 'Loading…', className }: SpinnerProps) {
  const circle = (
    <span
      aria-hidden="true"
      className={cn(
        'inline-block animate-spin rounded-full border-2 border-current border-r-transparent',
        size === 'sm' ? 'size-4' : 'size-6',
        className,
      )}
    />
  );
  if (label === '') return circle;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-slate-700">
      {circle}
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A centred spinner for a whole page or section that is loading. */
export function PageSpinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex min-h-40 items-center justify-center p-8">
      <Spinner label={label} />
    </div>
  );
}
