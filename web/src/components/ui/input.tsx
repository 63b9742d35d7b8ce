import type { InputHTMLAttributes, Ref, SelectHTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

const control =
  'block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-500 ' +
  'focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700/30 focus:outline-none ' +
  'disabled:bg-slate-100 disabled:text-slate-600 read-only:bg-slate-50 aria-invalid:border-red-600';

export function Input({
  className,
  ref,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input ref={ref} className={cn(control, 'border-slate-400', className)} {...props} />;
}

export function Select({
  className,
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return <select ref={ref} className={cn(control, 'border-slate-400 pr-8', className)} {...props} />;
}
