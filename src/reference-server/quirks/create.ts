import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { isEntraGroupSchema } from '../resources/resource-input.js';
import { clientCreated, clientId, keepFirstValues, sentAttributes } from './client-values.js';
import type { QuirkEntries } from './entry.js';
import { patchedCreated } from './patch.js';

/** Create faults (RFC 7644 §3.3), and the write faults that show first on create. */
export const CREATE_QUIRKS = {
  'create-returns-200': {
    status: (result, outcome) => (outcome.event === 'created' ? { ...result, status: 200 } : result),
  },
  'no-location-header': {
    status: (result, outcome) => {
      if (outcome.event !== 'created') return result;
      const { Location: _dropped, ...headers } = result.headers ?? {};
      return { ...result, headers };
    },
  },
  // POST creates the resource under the client's id and PUT moves the resource to it.
  'client-id-honoured': {
    beforeWrite: (plan) => {
      if (plan.kind === 'create') return { ...plan, id: clientId(plan.body) ?? plan.id };
      if (plan.kind === 'replace') {
        const moveTo = clientId(plan.body);
        return moveTo === undefined ? plan : { ...plan, moveTo };
      }
      return plan;
    },
    refuse: (error, refusal) => (refusal.rule === 'id-mismatch' ? undefined : error),
  },
  'username-not-required': {
    beforeWrite: (plan) =>
      plan.kind === 'input'
        ? { ...plan, required: plan.required.filter((name) => name !== 'userName') }
        : plan,
  },
  // meta.created sent on POST, PUT or PATCH is stored.
  'read-only-meta-honoured': {
    beforeWrite: (plan) => {
      if (plan.kind !== 'create' && plan.kind !== 'replace') return plan;
      const created = clientCreated(plan.body);
      return created === undefined ? plan : { ...plan, created };
    },
    patch: (plan) => {
      const { request, created } = patchedCreated(plan.request);
      return { ...plan, request, ...(created === undefined ? {} : { created }) };
    },
  },
  // RFC 7643 says externalId is caseExact.
  'external-id-lowercased': {
    beforeWrite: (plan) =>
      plan.kind === 'input' && typeof plan.attributes.externalId === 'string'
        ? {
            ...plan,
            attributes: { ...plan.attributes, externalId: plan.attributes.externalId.toLowerCase() },
          }
        : plan,
  },
  // Dropped although /ResourceTypes lists the extension.
  'enterprise-extension-dropped': {
    beforeWrite: (plan, { config }) => {
      if (plan.kind !== 'input') return plan;
      const attributes = { ...plan.attributes };
      for (const extension of config.extensions) delete attributes[extension.id];
      return { ...plan, attributes };
    },
  },
  // One email, one phone number.
  'multi-valued-keeps-first': {
    beforeWrite: (plan, { config }) =>
      plan.kind === 'input' && config.name === 'User'
        ? { ...plan, attributes: keepFirstValues(plan.attributes, config) }
        : plan,
  },
  // The Microsoft ADSCIM schema Entra lists in a group's "schemas" is refused instead of ignored.
  'adscim-group-schema-rejected': {
    beforeWrite: (plan, { config }) => {
      // A mode that ignores unsupported schema URNs ignores this one too.
      if (plan.kind !== 'input' || plan.unknownExtensions !== 'reject' || !Array.isArray(plan.body.schemas)) {
        return plan;
      }
      const urn = plan.body.schemas.find(
        (item) => typeof item === 'string' && isEntraGroupSchema(item, config),
      );
      if (typeof urn === 'string') {
        throw ScimError.invalidValue(
          `"schemas" lists ${JSON.stringify(urn.slice(0, 200))}, which ${config.name} does not support.`,
        );
      }
      return plan;
    },
  },
  // /Schemas declares nickName.
  'declared-attribute-rejected': {
    beforeWrite: (plan, { config }) => {
      if (
        plan.kind === 'input' &&
        config.name === 'User' &&
        Object.keys(plan.body).some((key) => key.toLowerCase() === 'nickname')
      ) {
        throw ScimError.invalidValue('nickName is not supported.');
      }
      return plan;
    },
  },
  'group-display-name-not-required': {
    beforeWrite: (plan, { config }) =>
      plan.kind === 'input' && config.name === 'Group'
        ? { ...plan, required: plan.required.filter((name) => name !== 'displayName') }
        : plan,
  },
  // POST and PUT only (their plans carry the body as sent); a PATCH result holds the stored password, never refused.
  'password-write-rejected': {
    beforeWrite: (plan, { config }) => {
      if ((plan.kind === 'create' || plan.kind === 'replace') && config.name === 'User') {
        if (sentAttributes(plan.body, ['password']).length > 0) {
          throw ScimError.invalidValue('password is not supported: users sign in by single sign-on.');
        }
      }
      return plan;
    },
  },
  'empty-members-create-rejected': {
    beforeWrite: (plan, { config }) => {
      if (plan.kind !== 'create' || config.name !== 'Group' || !isJsonObject(plan.body)) return plan;
      const [members] = sentAttributes(plan.body, ['members']);
      const value = members === undefined ? undefined : plan.body[members];
      if (Array.isArray(value) && value.length === 0) {
        throw ScimError.invalidValue('members must hold at least one member.');
      }
      return plan;
    },
  },
  // RFC 7643 §4.1.2 makes groups readOnly, and RFC 7644 §3.3 says readOnly attributes sent on create are ignored.
  'users-groups-on-create-rejected': {
    beforeWrite: (plan, { config }) => {
      if (plan.kind !== 'create' || config.name !== 'User') return plan;
      if (sentAttributes(plan.body, ['groups']).length > 0) {
        throw ScimError.mutability('groups is readOnly and cannot be sent.');
      }
      return plan;
    },
  },
  // draft-zollner-scim-interop-profile-01 §5.3: the attribute is dropped (201), the URN refused as invalidValue.
  'undefined-attribute-ignored': {
    refuse: (error, refusal) => (refusal.rule === 'undefined-attribute' ? undefined : error),
  },
} satisfies QuirkEntries;
