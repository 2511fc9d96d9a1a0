/**
 * Which pages a role's menu offers: only pages whose API calls the role may make (api/access.ts).
 * This hides what the API would refuse anyway; it grants nothing, since every call is checked there.
 */
import type { Me } from './session';

type Role = Me['role'];

export const pages = {
  inbox: { path: '/', label: 'Innboks', roles: ['udi', 'mottak', 'imdi', 'kommune', 'supervisor'] },
  cases: { path: '/saker', label: 'Saker', roles: ['mottak', 'kommune', 'imdi', 'supervisor'] },
  permit: { path: '/vedtak', label: 'Registrer vedtak', roles: ['udi'] },
  municipalities: { path: '/kommuner', label: 'Kommuner', roles: ['imdi', 'kommune', 'supervisor'] },
  offers: { path: '/tilbud', label: 'Tilbud', roles: ['kommune'] },
  arrival: { path: '/ankomst', label: 'Ankomst', roles: ['kommune'] },
  statistics: { path: '/statistikk', label: 'Statistikk', roles: ['imdi', 'supervisor'] },
} as const satisfies Record<string, { path: string; label: string; roles: readonly Role[] }>;

export type PageName = keyof typeof pages;

export function mayOpen(role: Role, page: PageName): boolean {
  return (pages[page].roles as readonly Role[]).includes(role);
}

/** The roles whose inbox holds deadlines (GET /v1/deadlines) and messages to send by hand (GET /v1/notifications). */
export const readsDeadlines = (role: Role) => role !== 'udi';
export const readsNotifications = (role: Role) => role === 'udi' || role === 'imdi' || role === 'supervisor';
