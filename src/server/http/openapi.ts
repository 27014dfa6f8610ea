import { z } from 'zod';
import { problemSchema } from './problem';
import type { AnyRoute } from './route';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Fastify's `/contacts/:no` is OpenAPI's `/contacts/{no}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(route: AnyRoute): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  const add = (location: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({ name, in: location, required: location === 'path' || (object.required ?? []).includes(name), schema: property });
    }
  };
  add('path', route.params);
  add('query', route.query);
  return list;
}

/** The OpenAPI 3.1 document of every route, generated from the same zod contracts that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const status = route.status ?? 200;
    const responses: Record<string, unknown> = {
      [status]:
        status === 204
          ? { description: 'Done; no content.' }
          : { description: 'Success.', content: { 'application/json': { schema: jsonSchema(route.reply, 'output') } } },
      ...(route.body ? { 400: problemResponse('The body is not valid; `fields` names each failing field.') } : {}),
    };
    if (route.access !== 'public') {
      responses[401] = problemResponse('No valid bearer token.');
      if (route.access === 'admin') responses[403] = problemResponse('The token lacks the Rapport.Admin role.');
    }
    for (const code of route.errors ?? []) responses[code] ??= problemResponse('See the problem `code`.');
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      parameters: parameters(route),
      responses,
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    };
    (paths[openApiPath(route.url)] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport API',
      version: info.version,
      description: 'Relationship management for salespeople who live in Outlook. All bodies are JSON with camelCase fields; errors are RFC 9457 problem details.',
    },
    servers: [{ url: `${info.serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}
