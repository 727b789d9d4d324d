// The server's answer to "who and when am I serving": the province, its public address, and its clock.
import { useQuery } from '@tanstack/react-query';
import { api, type Site } from './api.ts';

let clockOffsetMs = 0;

async function loadSite(): Promise<Site> {
  const site = await api.site();
  clockOffsetMs = Date.parse(site.now) - Date.now();
  return site;
}

export function useSite() {
  return useQuery({ queryKey: ['site'], queryFn: loadSite, staleTime: Infinity });
}

/** "Now" on the server's clock (the legal clock), as an ISO instant: a wrong device clock cannot move a date. */
export function serverNowIso(): string {
  return new Date(Date.now() + clockOffsetMs).toISOString();
}
