import { useCallback, useEffect, useState, type ReactNode } from 'react';

import { Button, Input, Select } from '@/components/ui';

import { usePartners } from '../api/get-partners';
import { useProductTypes } from '../api/get-product-types';
import { statuses, statusLabels } from '../model/labels';
import { sortOptions, type ShipmentListParams } from '../model/list-params';

export interface ShipmentsFiltersProps {
  params: ShipmentListParams;
  onChange: (changes: Partial<ShipmentListParams>) => void;
  onReset: () => void;
}

const searchDelayMs = 300;

/** Types freely; the URL (and the request) follows once typing pauses. Back/forward puts the URL's text back. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearch(text), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <div className="space-y-1 sm:col-span-2">
      <label htmlFor="shipment-search" className="block text-sm font-medium text-slate-800">
        Search shipments
      </label>
      <Input
        id="shipment-search"
        type="search"
        value={text}
        placeholder="Reference, container, B/L or vessel"
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

export function ShipmentsFilters({ params, onChange, onReset }: ShipmentsFiltersProps) {
  const partners = usePartners();
  const productTypes = useProductTypes();
  const buyers = (partners.data ?? []).filter((partner) => partner.type === 'buyer');
  // Stable, so re-renders while typing (e.g. results arriving) do not restart the search delay.
  const onSearch = useCallback((q: string) => onChange({ q }), [onChange]);

  function toggleStatus(status: (typeof statuses)[number], checked: boolean) {
    const next = checked ? [...params.status, status] : params.status.filter((s) => s !== status);
    onChange({ status: statuses.filter((s) => next.includes(s)) });
  }

  return (
    <section aria-label="Filters" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SearchBox value={params.q} onSearch={onSearch} />
        <Labelled id="filter-buyer" label="Buyer">
          <Select id="filter-buyer" value={params.buyer} onChange={(event) => onChange({ buyer: event.target.value })}>
            <option value="">All buyers</option>
            {buyers.map((buyer) => (
              <option key={buyer.id} value={buyer.id}>
                {buyer.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="filter-product-type" label="Product type">
          <Select
            id="filter-product-type"
            value={params.productType}
            onChange={(event) => onChange({ productType: event.target.value })}
          >
            <option value="">All products</option>
            {(productTypes.data ?? []).map((type) => (
              <option key={type.code} value={type.code}>
                {type.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <PortFilter
          id="filter-pol"
          label="Port of loading"
          value={params.portOfLoading}
          onChange={(portOfLoading) => onChange({ portOfLoading })}
        />
        <PortFilter
          id="filter-pod"
          label="Port of discharge"
          value={params.portOfDischarge}
          onChange={(portOfDischarge) => onChange({ portOfDischarge })}
        />
        <Labelled id="filter-eta-from" label="ETA from">
          <Input
            id="filter-eta-from"
            type="date"
            value={params.etaFrom}
            onChange={(event) => onChange({ etaFrom: event.target.value })}
          />
        </Labelled>
        <Labelled id="filter-eta-to" label="ETA to">
          <Input
            id="filter-eta-to"
            type="date"
            value={params.etaTo}
            onChange={(event) => onChange({ etaTo: event.target.value })}
          />
        </Labelled>
        <Labelled id="filter-sort" label="Sort by">
          <Select id="filter-sort" value={params.sort} onChange={(event) => onChange({ sort: event.target.value })}>
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Labelled>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Status</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {statuses.map((status) => (
            <label key={status} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-emerald-700"
                checked={params.status.includes(status)}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {statusLabels[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="size-4 accent-emerald-700"
            checked={params.needsAttention}
            onChange={(event) => onChange({ needsAttention: event.target.checked })}
          />
          Needs attention only
        </label>
        <Button variant="ghost" size="sm" onClick={onReset}>
          Clear filters
        </Button>
      </div>
    </section>
  );
}

/** A UN/LOCODE filter applied when the code is complete (5 characters) or cleared. */
function PortFilter({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  return (
    <Labelled id={id} label={label}>
      <Input
        id={id}
        value={text}
        maxLength={5}
        placeholder="UN/LOCODE, e.g. NGAPP"
        autoComplete="off"
        className="uppercase"
        onChange={(event) => {
          const code = event.target.value.toUpperCase();
          setText(code);
          if (code.length === 5 || code === '') onChange(code);
        }}
      />
    </Labelled>
  );
}
