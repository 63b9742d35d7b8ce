import { useId } from 'react';

import { Button, CopyField } from '@/components/ui';
import type { Schemas } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';

interface InvitationLinkProps {
  issued: Schemas['InvitationIssued'];
  onDone: () => void;
}

/** The one-time accept link: the server keeps only its hash, so this is the only time anyone sees it. */
export function InvitationLink({ issued, onDone }: InvitationLinkProps) {
  const headingId = useId();
  const fieldId = useId();
  const { invitation, acceptUrl } = issued;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <h3 id={headingId} className="font-semibold text-emerald-900">
        Invitation link
      </h3>
      <p className="text-sm text-slate-800">
        Send this link to <strong className="break-all">{invitation.email}</strong> yourself. It is shown only once
        and works until {formatDateTime(invitation.expiresAt)}.
      </p>
      <CopyField
        id={fieldId}
        label="One-time link"
        value={acceptUrl}
        inputProps={{ 'data-testid': 'invitation-link' }}
      />
      <Button variant="ghost" size="sm" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
