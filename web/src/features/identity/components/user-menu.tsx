import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import type { Me } from '@/lib/api/types';
import { organizationTypeLabels, roleLabels } from '@/lib/labels';

import { logout } from '../api/logout';

function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Who is signed in, and "Log out". A disclosure (button + panel): Escape or a click outside closes it. */
export function UserMenu({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    }
    function onPointerDown(event: PointerEvent) {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  async function signOut() {
    setSigningOut(true);
    await logout();
    void navigate(paths.login, { replace: true });
  }

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full p-1 text-sm font-medium text-white hover:bg-emerald-800 sm:rounded-md sm:px-2"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-white text-xs font-bold text-emerald-900"
        >
          {initials(me.fullName)}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{me.fullName}</span>
        <span className="sr-only">Account menu for {me.fullName}</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 z-20 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800 shadow-lg"
        >
          <p className="font-semibold text-slate-900">{me.fullName}</p>
          <p className="break-all text-slate-700">{me.email}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-600">Organisation</dt>
            <dd>
              {me.organization.name}
              <span className="text-slate-600"> ({organizationTypeLabels[me.organization.type]})</span>
            </dd>
            <dt className="text-slate-600">Role</dt>
            <dd>{roleLabels[me.role]}</dd>
          </dl>
          <button
            type="button"
            onClick={signOut}
            disabled={signingOut}
            className="mt-4 w-full rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-500"
          >
            {signingOut ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      )}
    </div>
  );
}
