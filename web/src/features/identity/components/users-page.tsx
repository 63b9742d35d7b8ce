import { useMe } from '../api/get-me';

import { CreateUserSection } from './create-user-section';
import { InvitationsSection } from './invitations-section';
import { MembersSection } from './members-section';
import { PartnersSection } from './partners-section';

/** Members, new accounts, invitations and trading partners of the caller's organisation (permission users:manage). */
export function UsersPage() {
  const me = useMe();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Users</h1>
        {me.data && (
          <p className="mt-1 text-sm text-slate-700">
            Members of {me.data.organization.name} and invitations to join it.
          </p>
        )}
      </header>
      <MembersSection currentUserId={me.data?.id} />
      <CreateUserSection />
      <InvitationsSection />
      {/* POST /api/partners is for exporter administrators only. */}
      {me.data?.organization.type === 'exporter' && <PartnersSection />}
    </div>
  );
}
