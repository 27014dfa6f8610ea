import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/db';
import type { Identity } from './identity';

/**
 * One route, declared once: Fastify serves it, the OpenAPI document describes it, both from the
 * same zod contracts. Bodies, queries and path parameters are parsed with zod before the handler
 * runs; the handler receives typed values only.
 */
/**
 * Who may call a route: anyone (`public`), any signed-in user (`user`, a salesperson), a manager
 * (`Rapport.Manager` or `Rapport.Admin`) or an admin (`Rapport.Admin`). The edge refuses the rest
 * with 403 before the input is read.
 */
export type Access = 'public' | 'user' | 'manager' | 'admin';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler knows about its request besides its input. */
export type RequestContext = {
  db: Db;
  identity: Identity;
  log: FastifyBaseLogger;
  /** Today in the service's calendar (`YYYY-MM-DD`): Business Central's work date. */
  workDate: string;
  /** The signed-in user's salesperson code, '' when the user is not a salesperson. Cached per request. */
  currentSalespersonCode(): Promise<string>;
};

type Schema = z.ZodType;

/**
 * A body read as a stream instead of parsed whole: a file upload of up to `limitBytes` in one of
 * `contentTypes`. The edge refuses another content type with 415 and a larger body with 413 —
 * up front from Content-Length, or as soon as the streamed bytes pass the limit — and the handler
 * reads the chunks as they arrive, so the body never sits whole in memory.
 */
export type StreamBody = { kind: 'stream'; contentTypes: readonly string[]; limitBytes: number; description: string };
export const streamBody = (spec: Omit<StreamBody, 'kind'>): StreamBody => ({ kind: 'stream', ...spec });

/** What the handler of a stream route receives as its body. */
export type UploadedBody = {
  /** The media type as sent, lower-cased, without parameters (`text/csv`). */
  contentType: string;
  /** The body's bytes as they arrive; iterating past the limit throws `payload_too_large`. */
  chunks: AsyncIterable<Buffer>;
};

export const isStreamBody = (body: unknown): body is StreamBody => typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'stream';

type Parsed<S> = S extends StreamBody ? UploadedBody : S extends Schema ? z.output<S> : undefined;

export type RouteSpec<B extends Schema | StreamBody | undefined, Q extends Schema | undefined, P extends Schema | undefined, R extends Schema> = {
  method: Method;
  /** Path below `/api/v1`, Fastify style (`/contacts/:no`). */
  url: string;
  operationId: string;
  summary: string;
  tags: readonly string[];
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** The success body; `undefined` with status 204. */
  reply: R;
  status?: 200 | 201 | 202 | 204;
  /** Domain error codes this route can answer with, documented in OpenAPI. */
  errors?: readonly number[];
  /**
   * A route that answers a file instead of JSON: the handler returns the file as text chunks
   * (an async iterable), streamed as they come so a large export never sits whole in memory.
   */
  produces?: { contentType: string; fileName: string };
  handle(input: { body: Parsed<B>; query: Parsed<Q>; params: Parsed<P>; ctx: RequestContext }): Promise<z.input<R>>;
};

/** Erases a route's input types so routes of every shape fit one list; `defineRoute` keeps them typed where written. */
export type AnyRoute = RouteSpec<Schema | StreamBody | undefined, Schema | undefined, Schema | undefined, Schema>;

export const defineRoute = <B extends Schema | StreamBody | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined, R extends Schema = Schema>(
  spec: RouteSpec<B, Q, P, R>,
): AnyRoute => spec as unknown as AnyRoute;
