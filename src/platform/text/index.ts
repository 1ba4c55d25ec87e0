// Shared rules for text people type: cleaning, contacts (phone or e-mail).
export { cleanText, isYes } from './clean.ts';
export { type ContactCheck, type ContactKind, checkContact } from './contact.ts';
export { normaliseShortCode, SHORT_CODE_PATTERN, shortCodeFrom } from './short-code.ts';
