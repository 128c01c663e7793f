import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { createAuthenticator, type AuthSettings, type Principal } from './auth.js';
import { ApiEndpoint, writeAnswer } from './endpoint.js';
import { HttpError, answerError, sendError } from './errors.js';
import { readBody } from './read-body.js';
import { contextOf, type RequestContext } from './request-context.js';

/**
 * A check after authentication: the error to answer with, or undefined to go on. It may set
 * response headers (rate-limit counters, say) either way.
 */
export type Guard = (principal: Principal, res: ServerResponse) => HttpError | undefined | Promise<HttpError | undefined>;

/** Authenticates a request and runs the guards: the principal, or a thrown HttpError. */
export type Admission = (context: RequestContext, req: IncomingMessage, res: ServerResponse) => Principal | Promise<Principal>;

export function createAdmission(auth: AuthSettings, guards: readonly Guard[]): Admission {
  const authenticate = createAuthenticator(auth);
  return (context, req, res) => {
    const outcome = authenticate(req.headers.authorization);
    if (outcome instanceof HttpError) throw outcome;
    context.principal = outcome;
    return runGuards(guards, 0, outcome, res);
  };
}

// Synchronous guards stay synchronous: an await per request is measurable on the small endpoints.
function runGuards(guards: readonly Guard[], from: number, principal: Principal, res: ServerResponse): Principal | Promise<Principal> {
  for (let i = from; i < guards.length; i++) {
    const refusal = guards[i]!(principal, res);
    if (refusal instanceof Promise) {
      return refusal.then((settled) => {
        if (settled) throw settled;
        return runGuards(guards, i + 1, principal, res);
      });
    }
    if (refusal) throw refusal;
  }
  return principal;
}

/** An API request from admission to answer; whatever fails becomes the one JSON error shape. */
export async function serveEndpoint(
  endpoint: ApiEndpoint,
  admit: Admission,
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestContext,
): Promise<void> {
  try {
    const admitted = admit(context, req, res);
    const principal = admitted instanceof Promise ? await admitted : admitted;
    const body = await readBody(req, endpoint.bodyLimit);
    const answer = await endpoint.handle({
      body,
      headers: req.headers,
      requestId: context.id,
      principal,
      abandoned: () => req.socket.destroyed || res.destroyed,
    });
    if (answer !== undefined) writeAnswer(res, answer);
  } catch (error) {
    answerError(res, error, context);
  }
}

/** The same endpoint as an express handler, for the spellings of its path that express routes. */
export function endpointHandler(endpoint: ApiEndpoint, admit: Admission): RequestHandler {
  return (req, res) => serveEndpoint(endpoint, admit, req, res, contextOf(res));
}

/** The same admission in front of an express route. */
export function admissionMiddleware(admit: Admission): RequestHandler {
  return (req, res, next) => {
    try {
      const admitted = admit(contextOf(res), req, res);
      if (admitted instanceof Promise) admitted.then(() => next(), next);
      else next();
    } catch (error) {
      next(error);
    }
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, new HttpError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

/** Last in express's chain: anything thrown becomes a JSON error, and the process keeps serving. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  answerError(res, err, contextOf(res));
};
