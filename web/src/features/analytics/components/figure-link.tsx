import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { listLink } from '../model/format';

export interface FigureTileProps {
  label: string;
  value: ReactNode;
  /** The shipment-list query (`/api/shipments?…`) that shows this figure's members. */
  list: string;
  detail?: ReactNode;
  testId?: string;
}

/** One figure as a tile; the whole tile links to the filtered shipment list it summarises. */
export function FigureTile({ label, value, list, detail, testId }: FigureTileProps) {
  return (
    <Link
      to={listLink(list)}
      data-testid={testId}
      className="block rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-sky-400 focus-visible:outline-2 focus-visible:outline-sky-600"
    >
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <span className="mt-1 block text-2xl font-semibold text-slate-900">{value}</span>
      {detail && <span className="mt-1 block text-xs text-slate-600">{detail}</span>}
      <span className="sr-only"> – show these shipments</span>
    </Link>
  );
}
