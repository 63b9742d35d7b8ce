import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { NotificationPreferences } from '../model/types';

const root = ['notifications'] as const;

/** How often the bell asks for the unread count while a page is open. */
export const unreadPollMs = 60_000;

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: [...root, 'unread-count'],
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: unreadPollMs,
  });
}

/** GET /api/notifications/unread-count: the bell's number. */
export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions());
}

/** GET /api/notifications: the caller's own, newest first. */
export function useNotifications(unread: boolean, page: number, size = 20) {
  return useQuery({
    queryKey: [...root, 'list', { unread, page, size }],
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { unread, page, size } } })),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: root });
}

/** POST /api/notifications/{id}/read. */
export function useMarkRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

/** POST /api/notifications/read-all. */
export function useMarkAllRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: () => invalidate(),
  });
}

function preferencesQueryOptions() {
  return queryOptions({
    queryKey: ['me', 'notification-preferences'],
    queryFn: () => unwrap(api.GET('/api/me/notification-preferences')),
  });
}

/** GET /api/me/notification-preferences. */
export function useNotificationPreferences() {
  return useQuery(preferencesQueryOptions());
}

/** PUT /api/me/notification-preferences. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) => unwrap(api.PUT('/api/me/notification-preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryOptions().queryKey, saved),
  });
}
