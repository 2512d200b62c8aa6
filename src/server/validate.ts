/**
 * Request validation with the contract's zod schemas, as Hono validators (so the RPC types see
 * the parsed input), and response shaping through the same schemas. A failure is a 400
 * `ValidationError` whose message and `details.field` name the field.
 */
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import type { AppEnv } from './hono-env';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { validationError, type ApiHttpError } from './errors';

function describeIssue(issue: z.core.$ZodIssue, fallbackField: string): ApiHttpError {
  let field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? fallbackField;
    return validationError(field === '' ? key : `${field}.${key}`, 'is not a known field');
  }
  if (field === '') field = fallbackField;
  const problem = /^(is|must|should) /.test(issue.message)
    ? issue.message
    : `is invalid: ${issue.message}`;
  return validationError(field, problem);
}

/** Parses `value` or throws a ValidationError naming the first bad field. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fallbackField: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw describeIssue(result.error.issues[0]!, fallbackField);
  return result.data;
}

/**
 * A Hono validator for one request part (json, query, param). Declared with the schema's input
 * type as `in`, so `hc<AppType>` callers may omit fields that have defaults.
 */
export function valid<Target extends keyof ValidationTargets, S extends z.ZodType>(
  target: Target,
  schema: S,
): MiddlewareHandler<
  AppEnv,
  string,
  { in: { [K in Target]: z.input<S> }; out: { [K in Target]: z.output<S> } }
> {
  const fallback = target === 'json' ? 'body' : target;
  return validator(
    target,
    (value) => parseOr400(schema, value, fallback) as z.output<S>,
  ) as MiddlewareHandler<
    AppEnv,
    string,
    { in: { [K in Target]: z.input<S> }; out: { [K in Target]: z.output<S> } }
  >;
}

/** A response body checked against its contract schema (a mismatch is our bug: 500, logged). */
export function send<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  return schema.parse(body);
}
