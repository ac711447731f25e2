import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionStateSchema, type SignInInput } from '@/domain/schemas';
import { sendJson } from '@/lib/api/send-json';
import { sessionQueries } from '@/lib/api/session-queries';

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => sendJson('/api/session', { method: 'POST', body: input }, sessionStateSchema),
    onSuccess: (state) => client.setQueryData(sessionQueries.current().queryKey, state),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson('/api/session', { method: 'DELETE' }, sessionStateSchema),
    onSuccess: (state) => client.setQueryData(sessionQueries.current().queryKey, state),
  });
}
