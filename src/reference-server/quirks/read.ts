import type { ScimObject } from '../store/resource-store.js';
import type { QuirkEntries } from './entry.js';

function without(object: ScimObject, name: string): ScimObject {
  const { [name]: _dropped, ...rest } = object;
  return rest;
}

/** Faults in what a read answers. */
export const READ_QUIRKS = {
  'password-returned': {
    render: (rendered, context) => {
      // Rendering leaves the password (returned="never") out; projection then works on what rendering kept.
      if (context.stage === 'resource' || context.stage === 'filter-view') {
        const { password } = context.stored.attributes;
        return password === undefined ? rendered : { ...rendered, password };
      }
      if (context.stage === 'projected' && context.rendered.password !== undefined) {
        return { ...rendered, password: context.rendered.password };
      }
      return rendered;
    },
  },
  'meta-missing': {
    render: (rendered, context) =>
      context.stage === 'resource' || context.stage === 'filter-view' || context.stage === 'me'
        ? without(rendered, 'meta')
        : rendered,
  },
  'schemas-missing': {
    render: (rendered, context) =>
      context.stage === 'resource' || context.stage === 'filter-view' || context.stage === 'me'
        ? without(rendered, 'schemas')
        : rendered,
    discovery: (answer) => ({
      ...answer,
      documents: answer.documents.map((document) => without(document, 'schemas')),
    }),
  },
  'disabled-user-hidden': {
    read: (stored) =>
      stored?.resourceType === 'User' && stored.attributes.active === false ? undefined : stored,
  },
  'me-no-location': {
    status: (result, outcome) => {
      if (outcome.event !== 'me') return result;
      const { Location: _dropped, ...headers } = result.headers ?? {};
      return { ...result, headers };
    },
  },
  // /Me answers for the admin service account, whoever's key authenticated the request.
  'me-ignores-subject': {
    access: (outcome, context) =>
      outcome.ok && context.endpoint.toLowerCase() === 'me'
        ? { ...outcome, principal: context.admin }
        : outcome,
  },
} satisfies QuirkEntries;
