// Public surface of the citizens module: citizens signed in through VNeID (OpenID Connect) and their own area.
export { citizenIdentity } from './commands/citizen-identity.ts';
export { loadCitizenPrincipal } from './commands/load-citizen-principal.ts';
export { CITIZEN_HOME, registerCitizenPages } from './pages.tsx';
