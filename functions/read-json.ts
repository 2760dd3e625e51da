import type { Context } from 'hono';
import type { z } from 'zod';
import { refusal } from './refusals.ts';

/**
 * The request's JSON body, validated. Wrong content types, malformed JSON and schema mismatches are
 * refused here with their own codes, before anything reaches a Durable Object. (Size is capped by the
 * bodyLimit middleware in app.ts.) With `optional`, an empty body reads as {}.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, { optional = false } = {}): Promise<z.infer<S>> {
  const text = await c.req.text();
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
