import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

/** The same key as the shipments feature's partner reference list, so a new partner shows up there too. */
const partnersKey = ['shipments', 'reference', 'partners'] as const;

export const partnerTypeOptions = [
  { value: 'buyer', label: 'Buyer' },
  { value: 'supplier', label: 'Supplier' },
  { value: 'logistics', label: 'Logistics' },
] as const;

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export const createPartnerInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the partner’s name.').max(200),
  type: z.enum(['buyer', 'supplier', 'logistics']),
  countryCode: z
    .string()
    .trim()
    .regex(/^([a-zA-Z]{2})?$/, 'Enter a two-letter country code, or leave it empty.')
    .transform(blankToNull),
  adminEmail: z.union([z.literal(''), z.email('Enter a valid e-mail address.')]).transform(blankToNull),
});

export type CreatePartnerForm = z.input<typeof createPartnerInputSchema>;
export type CreatePartnerInput = z.output<typeof createPartnerInputSchema> & Schemas['CreatePartnerRequest'];

export function getPartners() {
  return unwrap(api.GET('/api/partners'));
}

/** GET /api/partners: the organisation's trading partners. */
export function usePartners() {
  return useQuery(queryOptions({ queryKey: partnersKey, queryFn: getPartners }));
}

export function createPartner(input: CreatePartnerInput) {
  return unwrap(api.POST('/api/partners', { body: input }));
}

/** POST /api/partners; with adminEmail the result carries the one-time invitation link. */
export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPartner, onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersKey }) });
}
