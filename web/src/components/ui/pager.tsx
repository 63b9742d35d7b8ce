import { Button } from './button';

export interface PagerProps {
  /** Zero-based. */
  page: number;
  totalPages: number;
  label: string;
  onChange: (page: number) => void;
}

/** Previous/next navigation; renders nothing when everything fits on one page. */
export function Pager({ page, totalPages, label, onChange }: PagerProps) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-end gap-3 text-sm text-slate-700">
      <Button variant="secondary" size="sm" disabled={page <= 0} onClick={() => onChange(page - 1)}>
        Previous
      </Button>
      <span>
        Page {page + 1} of {totalPages}
      </span>
      <Button variant="secondary" size="sm" disabled={page >= totalPages - 1} onClick={() => onChange(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
