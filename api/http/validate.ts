import { z } from 'zod';
import { HttpError } from './errors.js';

z.config(z.locales.vi());

/** Parses input with a contract schema; a failure becomes a 400 naming every field at fault. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const first = details[0];
  return failWith(new HttpError(400, 'VALIDATION', first.message, `Invalid ${where}: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, first.field, details));
}

function failWith(error: HttpError): never {
  throw error;
}
