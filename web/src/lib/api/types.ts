import type { components } from './schema';

/** Shorthands for the generated API schemas. */
export type Schemas = components['schemas'];
export type Role = Schemas['Role'];
export type OrganizationType = Schemas['OrganizationType'];
export type UserStatus = Schemas['UserStatus'];
export type InvitationStatus = Schemas['InvitationStatus'];
export type Me = Schemas['Me'];

/**
 * Corrections of the generated schema where the running backend sends `null` that the spec does not admit
 * (reported to the backend; remove when the OpenAPI document marks them nullable): `DocumentView.suggestions`
 * is null in the shipment's list and for files with no text, and `Transition.from` is null for the upload.
 */
export type DocumentTransition = Omit<Schemas['Transition'], 'from'> & { from?: Schemas['DocumentStatus'] | null };
export type DocumentView = Omit<Schemas['DocumentView'], 'suggestions' | 'transitions'> & {
  suggestions?: Schemas['Suggestions'] | null;
  transitions?: DocumentTransition[] | null;
};
