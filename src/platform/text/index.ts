// Shared rules for text people type: cleaning, contacts (phone or e-mail).

export { ASKER_NAME_MAX, type Asker, checkAsker } from './asker.ts';
export { cleanText, isYes } from './clean.ts';
export { type ContactCheck, type ContactKind, checkContact } from './contact.ts';
export { normaliseShortCode, SHORT_CODE_PATTERN, shortCodeFrom } from './short-code.ts';
export { checkTaxCode, TAX_CODE_WEIGHTS, type TaxCodeCheck, taxCheckDigit } from './tax-code.ts';
