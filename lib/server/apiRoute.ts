/** Wraps a route handler: errors become JSON error responses, every response is counted in the metrics. */
import { apiErrorResponse, toApiError } from "./apiErrors";
import { recordError, recordRequest } from "./metrics";

export function apiRoute(route: string, handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const t0 = performance.now();
    let response: Response;
    try {
      response = await handler(request);
    } catch (e) {
      const err = toApiError(e);
      recordError(route, err.code);
      response = apiErrorResponse(err);
    }
    recordRequest(route, response.status, (performance.now() - t0) / 1000);
    return response;
  };
}

/** A handler for the methods a route does not implement: 405 with the API's JSON error and Allow. */
export function methodNotAllowed(allow: string): () => Promise<Response> {
  return async () => Response.json(
    { error: { code: "method_not_allowed", message: `use ${allow} for this route` } },
    { status: 405, headers: { Allow: allow } },
  );
}
