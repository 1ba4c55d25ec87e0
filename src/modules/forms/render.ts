import { renderPdf } from '../../platform/documents/index.ts';
import { declarationDocument } from './rules/layout.ts';
import type { FormTemplate } from './rules/template.ts';
import type { FormValues } from './rules/values.ts';

/**
 * Prints one declaration (tờ khai) as an A4 PDF ready to sign: the template's layout with the set's values
 * written on the dotted leaders, empty boxes left dotted. Every string is normalised to NFC by renderPdf.
 */
export function renderDeclarationPdf(template: FormTemplate, values: FormValues, opts: { creationDate?: Date } = {}): Promise<Buffer> {
  return renderPdf(declarationDocument(template, values), {
    creationDate: opts.creationDate ?? new Date(),
    title: template.name,
    subject: template.legalBasis,
  });
}
