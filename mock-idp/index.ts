/**
 * The mock Microsoft Entra provisioning client's building blocks: a seeded source directory, the
 * attribute mappings, source-directory churn, and Entra's SCIM requests as data.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export * from './changes/index.js';
export * from './directory/index.js';
export * from './mappings/index.js';
export * from './requests/index.js';
