import { unknownRoute } from "@/lib/api/handler";

// Any /api/v1 path no route serves (/api/v1 itself included): a JSON 404 in the API's error shape, rather than the app's
// HTML not-found page. Next matches this catch-all only after every more specific route.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownRoute();
