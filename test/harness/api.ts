/** Talking to the test system's API as a given role: tokens signed with the API's secret. */
import { expect, inject } from 'vitest';
import { signToken, type Role } from '../../api/auth';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../temporal.config';
import { calendarOn, dateOfInstant, type Calendar } from '../fixtures/calendar';

export type Caller = { role: Role; org?: string; sub?: string };

export const callers = {
  udi: { role: 'udi', sub: 'udi-case-officer' },
  mottak: { role: 'mottak', org: 'mottak-lillehammer', sub: 'bosettingsansvarlig-lillehammer' },
  otherMottak: { role: 'mottak', org: 'mottak-hamar', sub: 'bosettingsansvarlig-hamar' },
  imdi: { role: 'imdi', sub: 'imdi-caseworker' },
  kommune: { role: 'kommune', org: '3405', sub: 'flyktningetjeneste-lillehammer' },
  otherKommune: { role: 'kommune', org: '0301', sub: 'flyktningetjeneste-oslo' },
  supervisor: { role: 'supervisor', sub: 'imdi-leader' },
} as const satisfies Record<string, Caller>;

const tokens = new Map<string, Promise<string>>();

export function tokenFor(caller: Caller): Promise<string> {
  const key = `${caller.role}|${caller.org ?? ''}|${caller.sub ?? ''}`;
  let token = tokens.get(key);
  if (!token) {
    token = signToken(inject('authSecret'), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE }, { sub: caller.sub ?? `${caller.role}-test`, role: caller.role, org: caller.org });
    tokens.set(key, token);
  }
  return token;
}

export type ApiResponse = { status: number; contentType: string | null; text: string; body: any };

/** One request as `caller` (undefined: no token). */
export async function call(caller: Caller | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method,
    headers: {
      ...(caller ? { authorization: `Bearer ${await tokenFor(caller)}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, body: parsed };
}

export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A case's history is read before its timeline while the case goes on (notices are recorded after a
 * step answers), so the history's case entries are the timeline so far: the same entries, same order.
 */
export function expectTimelineSoFar(told: string[], timeline: string[]): void {
  expect(told.length).toBeGreaterThanOrEqual(2);
  expect(timeline.slice(0, told.length)).toEqual(told);
}

/**
 * The tests of one run share one API and so one decided number per municipality and year: a fixed
 * number runs out as households are added by more tests. A municipality they share gets the most
 * places the API takes; the capacity rules themselves (R-DIST-2) are tested on municipalities of
 * their own (municipality-capacity.test.ts).
 */
export async function roomForEveryTestHousehold(municipalityNumber: string, name: string, year: number): Promise<void> {
  const response = await call(callers.imdi, 'PUT', `/v1/municipalities/${municipalityNumber}/${year}`, { name, decided: 100_000 });
  if (response.status !== 200) throw new Error(`decided number for ${municipalityNumber}/${year}: ${response.status} ${response.text}`);
}

/** Today on the API's own clock (its Date header), for every date an API test derives. */
export async function apiCalendar(apiUrl: string = inject('apiUrl')): Promise<Calendar> {
  const response = await fetch(`${apiUrl}/health`);
  await response.body?.cancel();
  const date = response.headers.get('date');
  if (!date) throw new Error('the API sent no Date header');
  return calendarOn(dateOfInstant(Date.parse(date)));
}
