// Who is signed in (null for a visitor), and signing in and out. The session itself is an HttpOnly cookie.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Me } from '../../api.ts';

const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: api.currentUser, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => api.login(username, password),
    onSuccess: (me) => queryClient.setQueryData<Me | null>(SESSION_KEY, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.logout,
    onSuccess: () => queryClient.setQueryData<Me | null>(SESSION_KEY, null),
  });
}

export const isOfficer = (me: Me | null | undefined) => me?.kind === 'officer';
export const isAdministrator = (me: Me | null | undefined) =>
  me?.roles.some((grant) => grant.role === 'province_admin' || grant.role === 'agency_admin') ?? false;
