/** Unknown /api/* paths answer with the API's JSON error shape instead of the HTML 404 page. */
import { ApiError } from "@/lib/server/apiErrors";
import { apiRoute } from "@/lib/server/apiRoute";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = apiRoute("/api/*", async (request) => {
  throw new ApiError("not_found", 404, `no API route ${new URL(request.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as DELETE, notFound as PATCH };
