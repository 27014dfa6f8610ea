import { pullRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../../contract/sync';
import { defineRoute } from '../../http/route';
import { pull } from './pull-service';
import { push } from './push-service';

const tags = ['Sync'];

export const syncRoutes = [
  defineRoute({
    method: 'POST',
    url: '/sync/pull',
    operationId: 'syncPull',
    summary: "One page of the changes after the client's cursor, as this user sees them.",
    tags,
    access: 'user',
    body: pullRequestSchema,
    reply: pullResponseSchema,
    errors: [400, 409],
    handle: ({ body, ctx }) => pull(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/sync/push',
    operationId: 'syncPush',
    summary: "Apply a client's queued mutations, in order, each once.",
    tags,
    access: 'user',
    body: pushRequestSchema,
    reply: pushResponseSchema,
    errors: [400, 403, 409],
    handle: ({ body, ctx }) => push(ctx, body),
  }),
];
