import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

type Tone = 'green' | 'grey' | 'amber' | 'red' | 'blue';

const tones: Record<Tone, string> = {
  green: 'bg-emerald-100 text-emerald-900',
  grey: 'bg-slate-200 text-slate-800',
  amber: 'bg-amber-100 text-amber-900',
  red: 'bg-red-100 text-red-900',
  blue: 'bg-sky-100 text-sky-900',
};

export function Badge({ tone = 'grey', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={cn('inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap', tones[tone])}>
      {children}
    </span>
  );
}
