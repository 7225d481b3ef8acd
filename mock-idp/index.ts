/**
 * The mock Microsoft Entra provisioning client's building blocks: a seeded source directory, the
 * attribute mappings, source-directory churn, Entra's SCIM requests as data, and the cycle engine that replays them.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export * from './changes/index.js';
export * from './directory/index.js';
export * from './engine/index.js';
export * from './mappings/index.js';
export * from './requests/index.js';
