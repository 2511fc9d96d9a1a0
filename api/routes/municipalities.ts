/** Municipalities' yearly decided number (vedtak, R-DIST-2) and how many places are taken. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { municipalityNumberSchema } from '../../domain/identifiers.schema';
import { getMunicipalityYear, listMunicipalityYears, setDecidedNumber, type MunicipalityYear } from '../../store/municipalities';
import { authorize } from '../access';
import type { ApiDeps, AppEnv } from '../app';
import { problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const year = z.coerce.number().int().min(2000).max(2100);

const municipalitySchema = z
  .object({
    municipalityNumber: z.string(),
    name: z.string(),
    year: z.number(),
    decided: z.number().describe('Persons (not households) the municipality decided to settle this year (R-DIST-2)'),
    used: z.number().describe('Persons in the households that hold a place'),
    free: z.number().min(0).describe('Persons that can still be accepted: decided − used, never below 0'),
    overDecidedBy: z.number().min(0).describe('Persons holding a place beyond the decided number (it was lowered below used); 0 otherwise'),
  })
  .openapi('MunicipalityYear');

const decisionSchema = municipalitySchema
  .extend({ warning: z.string().optional().describe('Set when the decided number is below the persons already holding a place (bokmål)') })
  .openapi('MunicipalityDecision');

/** Which cases hold the places is not shown: the list names cases, and this view is for planning. */
function view(m: MunicipalityYear): z.infer<typeof municipalitySchema> {
  return {
    municipalityNumber: m.municipalityNumber,
    name: m.name,
    year: m.year,
    decided: m.decided,
    used: m.used,
    free: Math.max(m.free, 0),
    overDecidedBy: Math.max(-m.free, 0),
  };
}

/**
 * R-DIST-2: a municipality may lower its decision below what is already given. The decision is
 * recorded as made; the places given stay, and no household is accepted until there is room again.
 */
function decisionView(m: MunicipalityYear): z.infer<typeof decisionSchema> {
  const over = Math.max(-m.free, 0);
  if (over === 0) return view(m);
  const persons = (n: number) => (n === 1 ? '1 person' : `${n} personer`);
  return {
    ...view(m),
    warning:
      `Vedtaket for ${m.year} (${persons(m.decided)}) er lavere enn de ${persons(m.used)} som allerede har fått plass i ${m.name}. ` +
      `Plassene som er gitt, står ved lag, men kommunen kan ikke ta imot flere før vedtaket er minst ${m.used} (${persons(over)} for mange nå).`,
  };
}

const params = z.object({ municipalityNumber: municipalityNumberSchema, year });

const listRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('municipalities.read')] as const,
  method: 'get',
  path: '/v1/municipalities',
  summary: 'Every municipality with a decided number for the year, and how much of it is used (R-DIST-2)',
  tags: ['municipalities'],
  request: { query: z.object({ year }) },
  responses: {
    200: { description: 'The year’s decided numbers', content: { 'application/json': { schema: z.object({ items: z.array(municipalitySchema) }) } } },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('municipalities.read')] as const,
  method: 'get',
  path: '/v1/municipalities/{municipalityNumber}/{year}',
  summary: 'One municipality’s decided number for a year',
  tags: ['municipalities'],
  request: { params },
  responses: {
    200: { description: 'The decided number', content: { 'application/json': { schema: municipalitySchema } } },
    ...problemResponses(400, 404),
  },
});

const putRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('municipalities.write')] as const,
  method: 'put',
  path: '/v1/municipalities/{municipalityNumber}/{year}',
  summary: 'Record the municipality’s decision (vedtak, in persons) for a year; places already taken stay taken',
  description:
    'One atomic write: changes the decided number and what is free, never the reservations. A number below the persons ' +
    'already holding a place is recorded as decided; the answer says so (`overDecidedBy`, `warning`) and no household is accepted until there is room.',
  tags: ['municipalities'],
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: z.strictObject({ name: z.string().trim().min(1).max(200), decided: z.number().int().min(0).max(100_000) }) } } },
  },
  responses: {
    200: { description: 'The decided number as stored', content: { 'application/json': { schema: decisionSchema } } },
    ...problemResponses(400),
  },
});

export function registerMunicipalityRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<ApiDeps, 'tables'>) {
  app.openapi(listRoute, async (c) => {
    const items = await listMunicipalityYears(deps.tables, c.req.valid('query').year);
    return c.json({ items: items.map(view) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { municipalityNumber, year: y } = c.req.valid('param');
    const found = await getMunicipalityYear(deps.tables, municipalityNumber, y);
    if (!found) return problem(c, 404, 'Not found', `Municipality ${municipalityNumber} has no decided number for ${y}.`);
    return c.json(view(found), 200);
  });

  app.openapi(putRoute, async (c) => {
    const { municipalityNumber, year: y } = c.req.valid('param');
    const { name, decided } = c.req.valid('json');
    return c.json(decisionView(await setDecidedNumber(deps.tables, { municipalityNumber, name, year: y, decided })), 200);
  });
}
