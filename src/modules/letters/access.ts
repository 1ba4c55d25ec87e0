/** Loading and checking shared by the JSON routes and the pages: one place for 404s, scope checks and signers. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserByUsername } from '../staff/index.ts';
import { findUnitByCode, isTerritorial, type UnitRow } from '../units/index.ts';
import { findLetter, findTemplate, type LetterRow } from './queries.ts';
import { issuerSymbolOf, type LetterKind } from './rules/kinds.ts';
import { defaultTemplates, type LetterTemplate } from './rules/templates.ts';

export const WRITE = 'letters.write';
export const APPROVE = 'letters.approve';

const notFound = () => new AppError('LETTER_NOT_FOUND');

/** A letter by the id in an address; anything that is not one is the same 404. */
export async function mustFindLetter(p: Platform, raw: unknown): Promise<LetterRow> {
  const text = String(raw ?? '');
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
  const l = id !== null && Number.isSafeInteger(id) ? await findLetter(p.db, id) : null;
  if (!l) throw notFound();
  return l;
}

/** A letter the caller may work on with `permission` (letters.write by default): 404, then 403 outside their units. */
export async function loadForStaff(p: Platform, req: FastifyRequest, raw: unknown, permission = WRITE): Promise<LetterRow> {
  const l = await mustFindLetter(p, raw);
  req.requireOn(permission, l.unit_path);
  return l;
}

/** A unit named in input, not merged away; UNIT_NOT_FOUND naming the field otherwise. */
export async function unitFor(p: Platform, code: string, field = 'unit'): Promise<UnitRow> {
  const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(p.db, code) : null;
  if (!unit || unit.merged_into_id !== null) {
    throw new AppError('UNIT_NOT_FOUND', { errors: [{ field, message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
  }
  return unit;
}

/** The wording a new letter of this kind starts from at the unit: its own template, or the default. */
export async function templateFor(p: Platform, unitId: number, kind: LetterKind): Promise<LetterTemplate> {
  const own = await findTemplate(p.db, unitId, kind);
  return own ? { title: own.title, body: own.body } : defaultTemplates[kind];
}

/** Who signs an approved letter: what the approver typed, else their account's full name and position. */
export async function signerFor(
  p: Platform,
  req: FastifyRequest,
  l: LetterRow,
  typed: { name?: string | null; title?: string | null },
): Promise<{ name: string | null; title: string | null; issuerSymbol: string }> {
  const principal = req.principal;
  const user = principal?.kind === 'user' ? await findUserByUsername(p.db, principal.username) : null;
  const clean = (v: string | null | undefined) => (v ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 120) || null;
  return {
    name: clean(typed.name) ?? l.signer_name ?? user?.full_name ?? null,
    title: clean(typed.title) ?? l.signer_title ?? user?.title ?? null,
    issuerSymbol: issuerSymbolOf({ code: l.unit_code }, isTerritorial(l.unit_kind)),
  };
}
