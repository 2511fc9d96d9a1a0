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
  .object({ municipalityNumber: z.string(), name: z.string(), year: z.number(), decided: z.number(), used: z.number(), free: z.number() })
  .openapi('MunicipalityYear');

/** Which cases hold the places is not shown: the list names cases, and this view is for planning. */
function view(m: MunicipalityYear): z.infer<typeof municipalitySchema> {
  return { municipalityNumber: m.municipalityNumber, name: m.name, year: m.year, decided: m.decided, used: m.used, free: Math.max(m.decided - m.used, 0) };
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
  summary: 'Record the municipality’s decision (vedtak) for a year; places already taken stay taken',
  tags: ['municipalities'],
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: z.strictObject({ name: z.string().trim().min(1).max(200), decided: z.number().int().min(0).max(100_000) }) } } },
  },
  responses: {
    200: { description: 'The decided number as stored', content: { 'application/json': { schema: municipalitySchema } } },
    ...problemResponses(400, 409),
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
    const current = await getMunicipalityYear(deps.tables, municipalityNumber, y);
    if (current && decided < current.used) {
      return problem(c, 409, 'Decided number below places taken', `${current.used} places for ${y} are already taken; the decided number cannot be lower.`);
    }
    return c.json(view(await setDecidedNumber(deps.tables, { municipalityNumber, name, year: y, decided })), 200);
  });
}
