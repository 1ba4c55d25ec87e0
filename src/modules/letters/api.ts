import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { checkContact } from '../../platform/text/index.ts';
import { scopesFor } from '../staff/index.ts';
import { APPROVE, loadForStaff, signerFor, templateFor, unitFor, WRITE } from './access.ts';
import { approveLetter } from './commands/approve-letter.ts';
import { createLetter } from './commands/create-letter.ts';
import { readLetter } from './commands/read-letter.ts';
import { sendLetter } from './commands/send-letter.ts';
import { assertMay } from './commands/step.ts';
import { submitLetter } from './commands/submit-letter.ts';
import { presentLetter, presentSummary } from './present.ts';
import { findLetter, type LetterRow, listLetters } from './queries.ts';
import { issuerOf } from './render.ts';
import { checkLetterContent } from './rules/letter.ts';
import { ApproveBody, CreateBody, IdParams, LetterList, LetterOut, ListQuery, SendBody } from './schema.ts';

const tags = ['Thư chúc mừng, chia buồn, xin lỗi (letters)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

async function full(p: Platform, id: number) {
  const l = (await findLetter(p.db, id)) as LetterRow;
  return presentLetter(l, await issuerOf(p.db, l.unit_id));
}

/**
 * JSON routes of the letters: the register of a unit (and below), one letter (audited read), a letter written by hand
 * or a business's good-news proposal, submitting, a leader's approval (the register number) and sending by e-mail.
 */
export function registerLettersApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/letters',
    {
      schema: {
        tags,
        summary: 'Sổ thư của đơn vị (letters of a unit and the units below it)',
        description: 'Needs letters.write on the unit. Numbered letters by register number, newest first; drafts first.',
        querystring: ListQuery,
        response: { 200: LetterList, 403: Problem, 404: Problem },
      },
      config: { permission: WRITE },
    },
    async (req) => {
      const q = req.query;
      const unit = await unitFor(p, q.unit);
      req.requireOn(WRITE, unit.path);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const found = await listLetters(p.db, {
        unitPath: unit.path,
        scopes: scopesFor(req.principal!, WRITE),
        kind: q.kind,
        status: q.status,
        year: q.year,
        numbered: q.year !== undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: found.rows.map(presentSummary), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/letters/:id',
    {
      schema: {
        tags,
        summary: 'Một thư (one letter; the read is audited)',
        description: 'Needs letters.write on the letter’s unit. `text` is the body as it prints.',
        params: IdParams,
        response: { 200: LetterOut, 403: Problem, 404: Problem },
      },
      config: { permission: WRITE },
    },
    async (req) => {
      const l = await loadForStaff(p, req, req.params.id);
      await readLetter(p.db, req.actor(), l);
      return presentLetter(l, await issuerOf(p.db, l.unit_id));
    },
  );

  app.post(
    '/api/v1/letters',
    {
      schema: {
        tags,
        summary: 'Viết thư (write a letter by hand, or propose a business’s congratulation by tax code)',
        description:
          'Needs letters.write on the unit. Title and body default to the unit’s template of the kind. Unknown merge fields are refused (400, naming them). A second congratulation_business for one tax code and date: 409 LETTER_ALREADY_PROPOSED.',
        body: CreateBody,
        response: { 201: LetterOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: WRITE },
    },
    async (req, reply) => {
      const unit = await unitFor(p, req.body.unit);
      req.requireOn(WRITE, unit.path);
      const t = await templateFor(p, unit.id, req.body.kind);
      const checked = checkLetterContent({ ...req.body, title: req.body.title ?? t.title, body: req.body.body ?? t.body });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await createLetter(p.db, req.actor(), unit, checked.value);
      return reply.status(201).send(await full(p, id));
    },
  );

  app.post(
    '/api/v1/letters/:id/submit',
    {
      schema: {
        tags,
        summary: 'Trình duyệt (submit a draft for approval)',
        description: 'Needs letters.write on the letter’s unit; only a draft (409 LETTER_ACTION_NOT_ALLOWED otherwise).',
        params: IdParams,
        response: { 200: LetterOut, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: WRITE },
    },
    async (req) => {
      const l = await loadForStaff(p, req, req.params.id);
      await submitLetter(p.db, req.actor(), l, new Date());
      return full(p, l.id);
    },
  );

  app.post(
    '/api/v1/letters/:id/approve',
    {
      schema: {
        tags,
        summary: 'Duyệt và ký (approve: the letter takes its register number)',
        description:
          'Needs letters.approve (unit leader) on the letter’s unit; only a submitted letter. The number is the next of the unit’s register for the year, e.g. 12/TCM-UBND (TCM chúc mừng, TCB chia buồn, TXL xin lỗi, TTH thăm hỏi).',
        params: IdParams,
        body: ApproveBody,
        response: { 200: LetterOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: APPROVE },
    },
    async (req) => {
      const l = await loadForStaff(p, req, req.params.id, APPROVE);
      await approveLetter(p.db, req.actor(), l, new Date(), await signerFor(p, req, l, { name: req.body?.signerName, title: req.body?.signerTitle }));
      return full(p, l.id);
    },
  );

  app.post(
    '/api/v1/letters/:id/send',
    {
      schema: {
        tags,
        summary: 'Gửi thư qua thư điện tử (send by e-mail with the PDF attached)',
        description:
          'Needs letters.write on the letter’s unit. Only an approved letter: before approval 409 LETTER_NOT_APPROVED. The e-mail is queued in the outbox with the final PDF attached.',
        params: IdParams,
        body: SendBody,
        response: { 200: LetterOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: WRITE },
    },
    async (req) => {
      const l = await loadForStaff(p, req, req.params.id);
      assertMay('send', l);
      const raw = req.body?.email ?? l.recipient_email ?? '';
      const c = checkContact(raw);
      if (!raw || !c.ok || c.kind !== 'email') {
        throw new AppError('VALIDATION_FAILED', {
          errors: [
            { field: 'email', message: { vi: 'Hãy nhập địa chỉ thư điện tử của người nhận, vd. ten@gmail.com', en: 'Enter the recipient’s e-mail address' } },
          ],
        });
      }
      await sendLetter(p.db, req.actor(), l, await issuerOf(p.db, l.unit_id), c.value, new Date());
      return full(p, l.id);
    },
  );
}
