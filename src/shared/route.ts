// One way to declare an API route: its access rule, its OpenAPI summary and its zod schemas in one object,
// the handler typed from those schemas. Replaces the 15-line `app.post(url, { config, schema }, handler)` shape.
import type { FastifyContextConfig, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { App } from './http.js';

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.output<S> : unknown;
type Answer<S> = S extends Schema ? z.input<S> : unknown;

export interface RouteSpec<P, Q, B, R> {
  /** Who may call it (see the access hook in app.ts); required, so no route exists without one. */
  access: NonNullable<FastifyContextConfig['access']>;
  /** One line for the OpenAPI document. */
  summary?: string;
  description?: string;
  /** OpenAPI security override: `[]` for the public login routes (no session cookie needed). */
  security?: Record<string, string[]>[];
  params?: P;
  querystring?: Q;
  body?: B;
  /** The 200 answer's schema, or the answers by status code (e.g. `{ 201: personSchema }`). */
  response?: R;
  /** Other route config, e.g. `{ throttle: 'login' }` (features/security). */
  config?: Omit<FastifyContextConfig, 'access'>;
  bodyLimit?: number;
  /** Overrides the tags the builder was made with. */
  tags?: string[];
}

export type RouteRequest<P, Q, B> = FastifyRequest<{
  Params: Infer<P>;
  Querystring: Infer<Q>;
  Body: Infer<B>;
}>;

type ResponseValue<R> = R extends Schema
  ? Answer<R>
  : R extends Record<number, Schema>
    ? Answer<R[keyof R]>
    : unknown;

export type RouteHandler<P, Q, B, R> = (
  request: RouteRequest<P, Q, B>,
  reply: FastifyReply,
) => Promise<ResponseValue<R> | FastifyReply | void> | ResponseValue<R> | FastifyReply | void;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/**
 * Route declarations for one feature: `const route = routesFor(app, ['meetings'])`, then
 * `route.post('/api/x/:id', { access, summary, params, body, response }, async (request) => …)`.
 */
export function routesFor(app: App, tags: string[]) {
  const declare =
    (method: HTTPMethods) =>
    <
      P extends Schema | undefined = undefined,
      Q extends Schema | undefined = undefined,
      B extends Schema | undefined = undefined,
      R extends Schema | Record<number, Schema> | undefined = undefined,
    >(
      url: string,
      spec: RouteSpec<P, Q, B, R>,
      handler: RouteHandler<P, Q, B, R>,
    ) => {
      const response =
        spec.response === undefined
          ? undefined
          : isSchema(spec.response)
            ? { 200: spec.response }
            : spec.response;
      app.route({
        method,
        url,
        config: { ...spec.config, access: spec.access },
        ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
        schema: {
          tags: spec.tags ?? tags,
          ...(spec.summary === undefined ? {} : { summary: spec.summary }),
          ...(spec.description === undefined ? {} : { description: spec.description }),
          ...(spec.security === undefined ? {} : { security: spec.security }),
          ...(spec.params === undefined ? {} : { params: spec.params }),
          ...(spec.querystring === undefined ? {} : { querystring: spec.querystring }),
          ...(spec.body === undefined ? {} : { body: spec.body }),
          ...(response === undefined ? {} : { response }),
        },
        // The schemas above are what fastify-type-provider-zod validates and serialises; the handler's types
        // come from the same schemas through RouteSpec.
        handler: handler as never,
      });
    };
  return {
    get: declare('GET'),
    post: declare('POST'),
    put: declare('PUT'),
    patch: declare('PATCH'),
    delete: declare('DELETE'),
  };
}
