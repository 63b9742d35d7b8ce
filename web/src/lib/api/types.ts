import type { components } from './schema';

/** Shorthands for the generated API schemas. */
export type Schemas = components['schemas'];
export type Role = Schemas['Role'];
export type OrganizationType = Schemas['OrganizationType'];
export type UserStatus = Schemas['UserStatus'];
export type InvitationStatus = Schemas['InvitationStatus'];
export type Me = Schemas['Me'];
