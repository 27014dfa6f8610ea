import { z } from 'zod';
import { problemSchema } from './problem';
import { isStreamBody, type AnyRoute, type StreamBody } from './route';

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Schemas named with `.meta({id})`
 * go to `components` (one entry per name and direction, as input and output shapes can differ)
 * and are referenced from where they are used.
 */
function schemaConverter(components: Record<string, JsonSchema>) {
  const shapes = new Map<string, string>(); // component name → its JSON, to tell reuse from a clash
  return (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const { $schema: _dialect, $defs = {}, ...rest } = converted;
    // A schema named once may read differently as a request (input) and as a response (output):
    // the second shape gets its direction appended to its name.
    const names: Record<string, string> = {};
    for (const [id, definition] of Object.entries($defs)) {
      const shape = JSON.stringify(definition);
      names[id] = [id, `${id}.${io}`].find((name) => shapes.get(name) === undefined || shapes.get(name) === shape) ?? `${id}.${io}`;
      shapes.set(names[id], shape);
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!value || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) =>
          key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
            ? [key, `#/components/schemas/${names[inner.slice('#/$defs/'.length)]}`]
            : [key, rewrite(inner)],
        ),
      );
    };
    for (const [id, definition] of Object.entries($defs)) components[names[id] ?? id] = rewrite(definition) as JsonSchema;
    return rewrite(rest) as JsonSchema;
  };
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Fastify's `/contacts/:no` is OpenAPI's `/contacts/{no}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(route: AnyRoute, jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema): Record<string, unknown>[] {
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

/** A streamed upload: a file in one of the accepted media types, with its size limit. */
const streamRequestBody = (body: StreamBody) => ({
  required: true,
  description: `${body.description} At most ${body.limitBytes} bytes, read as it streams.`,
  content: Object.fromEntries(body.contentTypes.map((contentType) => [contentType, { schema: { type: 'string', contentMediaType: contentType } }])),
  'x-rapport-body-limit': body.limitBytes,
});

/** The OpenAPI 3.1 document of every route, generated from the same zod contracts that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], info: { version: string; serverUrl: string }) {
  const components: Record<string, JsonSchema> = {};
  const jsonSchema = schemaConverter(components);
  jsonSchema(problemSchema, 'output'); // registers the Problem component the responses refer to
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const status = route.status ?? 200;
    const responses: Record<string, unknown> = {
      [status]:
        status === 204
          ? { description: 'Done; no content.' }
          : route.produces
            ? { description: `A ${route.produces.contentType} file.`, content: { [route.produces.contentType]: { schema: { type: 'string' } } } }
            : { description: 'Success.', content: { 'application/json': { schema: jsonSchema(route.reply, 'output') } } },
      ...(route.body && !isStreamBody(route.body) ? { 400: problemResponse('The body is not valid; `fields` names each failing field.') } : {}),
      ...(isStreamBody(route.body)
        ? {
            413: problemResponse(`The body is larger than ${route.body.limitBytes} bytes.`),
            415: problemResponse(`The body is not ${route.body.contentTypes.join(' or ')} in UTF-8.`),
          }
        : {}),
    };
    if (route.access !== 'public') {
      responses[401] = problemResponse('No valid bearer token.');
      if (route.access === 'admin') responses[403] = problemResponse('The token lacks the Rapport.Admin role.');
      if (route.access === 'manager') responses[403] = problemResponse('The token lacks the Rapport.Manager (or Rapport.Admin) role.');
    }
    for (const code of route.errors ?? []) responses[code] ??= problemResponse('See the problem `code`.');
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      parameters: parameters(route, jsonSchema),
      responses,
      ...(route.access === 'public' ? { security: [] } : {}),
      // Which level of user the route needs: public, user (any salesperson), manager or admin.
      'x-rapport-access': route.access,
      ...(isStreamBody(route.body)
        ? { requestBody: streamRequestBody(route.body) }
        : route.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
          : {}),
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
      schemas: components,
    },
  };
}
