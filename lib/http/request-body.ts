import { AppError } from "@/lib/errors";

// What a route handler accepts as a body: at most 64 KB (an Assessment is a few KB), of the declared type, and JSON
// no deeper than any real document. The size is counted while reading: a Content-Length header is only a claim.
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_JSON_DEPTH = 32;

/** The body as text, refused when larger than the limit or not of the expected media type (null: any). */
export async function readBodyText(request: Request, mediaType: string | null, limit: number = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== null && declared !== mediaType) throw new AppError("unsupported-media-type", `Send the body as ${mediaType}.`, [{ path: "(body)", message: `the body must be ${mediaType}` }]);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The body parsed as JSON; malformed or too deeply nested JSON is a 400 naming the body. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBodyText(request, "application/json");
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw invalidBody(`the body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidBody("the request body must be JSON");
  }
}

function tooLarge(limit: number): AppError {
  return new AppError("too-large", `The body is larger than ${limit / 1024} KB.`, [{ path: "(body)", message: `the body must be at most ${limit / 1024} KB` }]);
}

function invalidBody(message: string): AppError {
  return new AppError("invalid-input", "The request body cannot be read.", [{ path: "(body)", message }]);
}

/** The deepest nesting of arrays and objects in JSON text, counted outside strings, before anything is parsed. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth -= 1;
  }
  return deepest;
}
