import { useId, useState, type KeyboardEvent } from 'react';

import { Input } from '@/components/ui';
import { cn } from '@/lib/cn';
import type { Schemas } from '@/lib/api/types';

import { isWellFormedUnlocode, normalizeUnlocode } from '../model/unlocode';

type Location = Schemas['Location'];

export interface LocationPickerProps {
  label: string;
  value: string;
  onChange: (code: string) => void;
  onBlur?: () => void;
  locations: readonly Location[];
  error?: string | undefined;
  name?: string;
}

const maxOptions = 8;

function matches(location: Location, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return location.unlocode.toLowerCase().startsWith(q) || location.name.toLowerCase().includes(q);
}

/**
 * UN/LOCODE combobox (WAI-ARIA 1.2 pattern): type a code or a place name, pick with arrows and Enter.
 * A well-formed code that is not in our table is accepted; the server flags such shipments for review.
 */
export function LocationPicker({ label, value, onChange, onBlur, locations, error, name }: LocationPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const options = locations.filter((location) => matches(location, value)).slice(0, maxOptions);
  const code = normalizeUnlocode(value);
  const known = locations.find((location) => location.unlocode === code);
  const expanded = open && options.length > 0;

  let hint: string | null = null;
  if (!error && code !== '') {
    if (known) hint = `${known.name} (${known.countryCode})`;
    else if (isWellFormedUnlocode(code)) hint = `${code} is not in our list — will be flagged for review.`;
    else hint = 'Type a UN/LOCODE (e.g. NGAPP) or a place name.';
  }

  function choose(location: Location) {
    onChange(location.unlocode);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && expanded) {
      const option = options[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <Input
        id={id}
        name={name}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error || hint ? hintId : undefined}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          if (isWellFormedUnlocode(value)) onChange(normalizeUnlocode(value));
          onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
      >
        {options.map((location, index) => (
          <li
            key={location.unlocode}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(location);
            }}
            className={cn('cursor-pointer px-3 py-1.5 text-sm', index === active ? 'bg-emerald-100 text-emerald-950' : 'text-slate-800')}
          >
            <span className="font-mono font-medium">{location.unlocode}</span> {location.name}
          </li>
        ))}
      </ul>
      {(error ?? hint) && (
        <p id={hintId} className={cn('text-xs', error ? 'text-sm text-red-700' : 'text-slate-600')}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
