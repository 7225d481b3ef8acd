import type { SourceExpression } from './attribute-mapping.js';

/** What a source attribute holds. */
export type SourceValue = string | boolean | readonly string[] | undefined;

/** Entra renders booleans as "True"/"False" wherever a string is expected (e.g. Switch keys). */
export function sourceText(value: string | boolean): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : value;
}

/** An expression's result: null results (`undefined`, `''`) are not provisioned. */
export type ExpressionResult = string | boolean | readonly string[] | undefined;

/**
 * Evaluates a source expression against an attribute reader.
 * `Join` skips null and empty values, so a missing surname gives "Joy", not "Joy " (inferred: the
 * Microsoft function reference does not say).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data
 */
export function evaluateExpression<A extends string>(
  expression: SourceExpression<A>,
  read: (attribute: A) => SourceValue,
): ExpressionResult {
  switch (expression.kind) {
    case 'direct': {
      const value = read(expression.attribute);
      return value === '' ? undefined : value;
    }
    case 'constant':
      return expression.value === '' ? undefined : expression.value;
    case 'join': {
      const parts: string[] = [];
      for (const attribute of expression.attributes) {
        const value = read(attribute);
        if (typeof value === 'string' || typeof value === 'boolean') {
          const text = sourceText(value);
          if (text !== '') parts.push(text);
        }
      }
      return parts.length === 0 ? undefined : parts.join(expression.separator);
    }
    case 'switch': {
      const value = read(expression.attribute);
      const key = typeof value === 'string' || typeof value === 'boolean' ? sourceText(value) : undefined;
      const hit = expression.cases.find(([caseKey]) => caseKey === key);
      const result = hit === undefined ? expression.defaultValue : hit[1];
      return result === '' ? undefined : result;
    }
    case 'not': {
      const value = read(expression.attribute);
      if (typeof value === 'boolean') return !value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() !== 'true';
      return undefined;
    }
    case 'appRoleAssignments':
      return [];
    default: {
      const unknown: never = expression;
      return unknown;
    }
  }
}

const quote = (text: string): string => JSON.stringify(text);

/** The expression as the Entra portal writes it, e.g. `Switch([IsSoftDeleted], , "False", "True", …)`. */
export function describeExpression<A extends string>(expression: SourceExpression<A>): string {
  switch (expression.kind) {
    case 'direct':
      return expression.attribute;
    case 'constant':
      return quote(expression.value);
    case 'join':
      return `Join(${[quote(expression.separator), ...expression.attributes.map((a) => `[${a}]`)].join(', ')})`;
    case 'switch': {
      const defaultArg = expression.defaultValue === '' ? '' : quote(expression.defaultValue);
      const cases = expression.cases.flatMap(([key, value]) => [quote(key), quote(value)]);
      return `Switch(${[`[${expression.attribute}]`, ` ${defaultArg}`, ...cases.map((c) => ` ${c}`)].join(',')})`;
    }
    case 'not':
      return `Not([${expression.attribute}])`;
    case 'appRoleAssignments':
      return 'AppRoleAssignmentsComplex([appRoleAssignments])';
    default: {
      const unknown: never = expression;
      return unknown;
    }
  }
}
