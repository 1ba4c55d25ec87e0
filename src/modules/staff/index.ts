// Public surface of the staff module: accounts, roles, permissions, sign-in, API keys.
export { registerStaffApi } from './api.ts';
export { carryOverGrants } from './commands/carry-over-grants.ts';
export { createApiKey } from './commands/create-api-key.ts';
export { createUser } from './commands/create-user.ts';
export { DEMO_PASSWORD, demoAccounts, loadDemoAccounts } from './commands/load-demo-accounts.ts';
export { loadApiKeyPrincipal, loadUserPrincipal } from './commands/load-principal.ts';
export { revokeApiKey } from './commands/revoke-api-key.ts';
export { updateUser } from './commands/update-user.ts';
export { registerStaffPages } from './pages.tsx';
export { apiScopes, type Permission, permissions, type Role, roleLabels, rolePermissions, roles } from './permissions.ts';
export { findApiKeyByIdOrPrefix, findUserByUsername } from './queries.ts';
export { type RoleHolder, roleHoldersAt, roleHoldersOn } from './role-holders.ts';
export { authorizer, holdsGlobally, inScopes, scopesFor, type UnitScope } from './rules/authorize.ts';
