/**
 * Small building blocks for the domain's zod schemas, so every form rejects unknown fields and
 * every message reads well to a caseworker (the API returns it with the field path).
 */
import { z } from 'zod';

/** A strict object: unknown keys are rejected and named. `hint` may add why a key is refused. */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape, hint?: (keys: string[]) => string | undefined) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const extra = hint?.(issue.keys);
        return `unknown field(s): ${issue.keys.join(', ')}${extra ? ` — ${extra}` : ''}`;
      }
      return issue.input === undefined ? 'is required' : undefined;
    },
  });
}

/** Trimmed, non-empty text of at most `max` characters. */
export function text(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

/** Short text: names, titles, single-line answers. */
export const shortText = text(200);
/** Free text: descriptions, notes, justifications. */
export const longText = text(4000);

/** One of a fixed list of values, with the allowed values in the message. */
export function oneOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be one of: ${values.join(', ')}`),
  });
}

/**
 * A list of items, "is required" when absent. Every list has a maximum no real household reaches
 * (issue 11: 40 000 languages were accepted); a tighter one is added where the rule knows better.
 */
export const MAX_LIST_ITEMS = 50;
export function listOf<Item extends z.ZodType>(item: Item) {
  return z
    .array(item, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list') })
    .max(MAX_LIST_ITEMS, `must list at most ${MAX_LIST_ITEMS} items`);
}

export function booleanField() {
  return z.boolean({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be true or false') });
}
