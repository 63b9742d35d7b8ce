import { Badge } from '@/components/ui';

import { requirementStates } from '../model/labels';
import type { RequirementState } from '../model/types';

/** Colour, symbol and word: the state reads without colour too. */
export function RequirementBadge({ state }: { state: RequirementState }) {
  const { label, tone, icon } = requirementStates[state];
  return (
    <Badge tone={tone}>
      <span aria-hidden="true" className="mr-1">
        {icon}
      </span>
      {label}
    </Badge>
  );
}
