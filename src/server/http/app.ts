import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RapportError } from '../../domain/errors';
import type { Db } from '../db/db';
import { findSalespersonCodeByEmail } from '../modules/salespeople/salesperson-repository';
import { tenantWriteDb } from '../modules/sync/sync-repository';
import { ensureTenant } from '../modules/tenancy/tenant-provisioning';
import { isAdmin, isManager, type Identity, type TokenVerifier } from './identity';
import { buildOpenApiDocument } from './openapi';
import { fieldProblems, makeProblem, problemFor, sendProblem } from './problem';
import { isStreamBody, type AnyRoute, type RequestContext, type StreamBody, type UploadedBody } from './route';

export const API_PREFIX = '/api/v1';

export type AppOptions = {
  db: Db;
  verifyToken: TokenVerifier;
  routes: readonly AnyRoute[];
  version: string;
  publicUrl: string;
  bodyLimitBytes?: number;
  logLevel?: string;
  /** Where logs go; default stdout. Tests pass a stream to read what was logged. */
  logStream?: NodeJS.WritableStream;
  /** Today as `YYYY-MM-DD`; tests pin it. */
  today?: () => string;
  /** Certificate and key (PEM) to serve https with; absent → http. */
  https?: { cert: string | Buffer; key: string | Buffer };
  /** Extra plugins (static files of the add-in, dev identity routes) registered after the API. */
  extend?: (app: FastifyInstance) => Promise<void> | void;
};

const isoToday = () => new Date().toISOString().slice(0, 10);

const bearerToken = (request: FastifyRequest): string => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new RapportError('unauthenticated', 'Send an access token as "Authorization: Bearer <token>".');
  return match[1];
};

function parseInput<S extends z.ZodType>(schema: S | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const detail = where === 'body' ? 'The request body is not valid.' : `The request ${where === 'query' ? 'query' : 'path'} is not valid.`;
  throw new RapportError('validation_failed', detail, { fields: fieldProblems(result.error, where === 'body' ? '' : where) });
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const tooLarge = (limitBytes: number) => new RapportError('payload_too_large', `The body is larger than ${megabytes(limitBytes)}, the most this route takes.`, { details: { limitBytes } });

/**
 * The body's chunks, refused with 413 the moment they pass the limit. A handler that stops reading
 * early leaves the request stream open (destroying it would take the socket, and the answer, with
 * it); the edge closes the connection after answering instead.
 */
async function* limitedChunks(stream: Readable, limitBytes: number): AsyncGenerator<Buffer> {
  let received = 0;
  for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) throw tooLarge(limitBytes);
    yield chunk;
  }
}

/**
 * A stream route's body, checked before a byte is read: its media type (UTF-8 only) and its
 * declared length. A body without Content-Length (chunked) is counted as it streams.
 */
function uploadedBody(request: FastifyRequest, spec: StreamBody): UploadedBody {
  const [mediaType = '', ...parameters] = String(request.headers['content-type'] ?? '').split(';');
  const contentType = mediaType.trim().toLowerCase();
  const charset = parameters.map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter)?.[1]).find(Boolean);
  if (!spec.contentTypes.includes(contentType) || (charset !== undefined && !/^utf-?8$/i.test(charset))) {
    throw new RapportError('unsupported_media_type', `Send the body as ${spec.contentTypes.join(' or ')}, in UTF-8.`, { details: { accepted: spec.contentTypes } });
  }
  if (Number(request.headers['content-length']) > spec.limitBytes) throw tooLarge(spec.limitBytes);
  const payload = (request.body as Readable | undefined) ?? Readable.from([]);
  return { contentType, chunks: limitedChunks(payload, spec.limitBytes) };
}

/**
 * The HTTP edge: authentication, input parsing, problem responses, logging. Rules live in the
 * modules' services; this file only wires them to routes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const today = options.today ?? isoToday;
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Tokens and e-mail bodies never reach a log line.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'body', 'bodyText'], censor: '[redacted]' },
    },
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (problem.status === 401) request.log.info({ code: problem.code, cause: (error as { cause?: { code?: string } }).cause?.code }, 'unauthenticated');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, makeProblem(404, 'route_not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`)),
  );

  const authenticate = async (request: FastifyRequest, access: AnyRoute['access']): Promise<Identity> => {
    const identity = await options.verifyToken(bearerToken(request));
    if (access === 'admin' && !isAdmin(identity)) {
      throw new RapportError('forbidden', 'This needs the Rapport.Admin role.', { details: { requiredRole: 'Rapport.Admin' } });
    }
    if (access === 'manager' && !isManager(identity)) {
      throw new RapportError('forbidden', 'This needs the Rapport.Manager or Rapport.Admin role.', { details: { requiredRole: 'Rapport.Manager' } });
    }
    await ensureTenant(options.db, identity.tenantId);
    return identity;
  };

  let openApi: Record<string, unknown> = {};
  const routes = [...options.routes, ...platformRoutes(options, () => openApi)];
  openApi = buildOpenApiDocument(routes, { version: options.version, serverUrl: options.publicUrl });

  const routeOptions = (route: AnyRoute) => ({
    method: route.method,
    url: API_PREFIX + route.url,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const identity: Identity =
        route.access === 'public'
          ? { tenantId: '', userId: '', email: '', name: '', roles: [] }
          : await authenticate(request, route.access);
      let salespersonCode: Promise<string> | undefined;
      const ctx: RequestContext = {
        // Every transaction of a request takes the tenant's next sync version first.
        db: route.access === 'public' ? options.db : tenantWriteDb(options.db, identity.tenantId),
        identity,
        log: request.log,
        workDate: today(),
        currentSalespersonCode: () => (salespersonCode ??= findSalespersonCodeByEmail(options.db, identity.tenantId, identity.email)),
      };
      const input = {
        params: parseInput(route.params, request.params, 'params'),
        query: parseInput(route.query, request.query, 'query'),
        body: isStreamBody(route.body) ? uploadedBody(request, route.body) : parseInput(route.body, request.body, 'body'),
        ctx,
      } as Parameters<AnyRoute['handle']>[0];
      let result: unknown;
      try {
        result = await route.handle(input);
      } catch (error) {
        // An upload refused before its end: the rest of it is not read, so the connection ends with the answer.
        if (isStreamBody(route.body) && !request.raw.readableEnded) reply.header('connection', 'close');
        throw error;
      }
      reply.status(route.status ?? 200);
      if (route.produces) {
        reply.header('content-type', route.produces.contentType).header('content-disposition', `attachment; filename="${route.produces.fileName}"`);
        return reply.send(Readable.from(result as AsyncIterable<string>));
      }
      return route.status === 204 ? reply.send() : result;
    },
  });
  const streamRoutes = routes.flatMap((route) => (isStreamBody(route.body) ? [{ route, body: route.body }] : []));
  for (const route of routes) if (!isStreamBody(route.body)) app.route(routeOptions(route));
  await app.register(async (scope) => {
    // Uploads reach their handler unread, whatever their content type: the handler authenticates
    // first, then checks the type and the length, then streams the body (see `uploadedBody`).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    for (const { route, body } of streamRoutes) scope.route({ ...routeOptions(route), bodyLimit: body.limitBytes });
  });

  if (options.extend) await options.extend(app);
  return app;
}

/** Routes of the platform itself: health and the API description. */
function platformRoutes(options: AppOptions, openApiDocument: () => Record<string, unknown>): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/health',
      operationId: 'getHealth',
      summary: 'Liveness and database reachability.',
      tags: ['Platform'],
      access: 'public',
      reply: healthReply,
      async handle() {
        const database = await options.db.ping();
        return { status: database ? 'ok' : 'degraded', db: { engine: options.db.engine, reachable: database } };
      },
    },
    {
      method: 'GET',
      url: '/openapi.json',
      operationId: 'getOpenApi',
      summary: 'This API as an OpenAPI 3.1 document.',
      tags: ['Platform'],
      access: 'public',
      reply: openApiReply,
      handle: async () => openApiDocument(),
    },
  ];
}

const healthReply = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.object({ engine: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
});
const openApiReply = z.record(z.string(), z.unknown());
