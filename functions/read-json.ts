import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { refusal } from './refusals.ts';

/** The largest request body any route accepts. */
export const MAX_BODY_BYTES = 8 * 1024;

const decoder = new TextDecoder();

/** Refuses a body that says it is too large, before anything reads it. */
export const declaredBodyLimit = createMiddleware(async (c, next) => {
  if (Number(c.req.header('Content-Length') ?? 0) > MAX_BODY_BYTES) throw refusal('body_too_large');
  await next();
});

/** The body as text, refused past MAX_BODY_BYTES however it arrives (a declared length or chunks). */
async function readCappedText(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw refusal('body_too_large');
    }
    chunks.push(read.value);
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(body);
}

/**
 * The request's JSON body, validated. Oversized bodies, wrong content types, malformed JSON and
 * schema mismatches are refused here with their own codes, before anything reaches a Durable Object.
 * With `optional`, an empty body reads as {}.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, { optional = false } = {}): Promise<z.infer<S>> {
  const text = await readCappedText(c.req.raw);
  let data: unknown = {};
  if (text.trim() !== '' || !optional) {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw refusal('unsupported_media_type');
    try {
      data = JSON.parse(text);
    } catch {
      throw refusal('invalid_json');
    }
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw refusal('invalid_input', {
      issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return result.data;
}
