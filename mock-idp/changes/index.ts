export type {
  AttributeChange,
  ChangeableUserAttribute,
  ChangeKind,
  DirectoryChange,
} from './change-event.js';
export { CHANGE_KINDS, CHANGEABLE_USER_ATTRIBUTES, changeSubject } from './change-event.js';
export type { ChangeOptions, ChangeSet } from './generate-changes.js';
export { DEFAULT_CHANGE_MIX, generateChanges } from './generate-changes.js';
