/**
 * Reports → what leaves the server: the JSON of the API and the document view the DOCX, the Excel workbook and the
 * page share. Explicit field lists; no personal data (unit names, model names, counts, the units' own narratives).
 */
import { isTerritorial, placeNameOf, type UnitRow } from '../units/index.ts';
import type { ReportRow, SectionRow } from './queries.ts';
import { catalogueNames, type FigureKey, figureDefs, figuresOf, formatFigure, isCatalogueCode } from './rules/model-figures.ts';
import { periodFromKey, periodLabel } from './rules/period.ts';

export interface FigureLine {
  key: FigureKey;
  label: string;
  value: number | null;
  text: string;
}

export interface SectionView {
  modelCode: string;
  modelName: string;
  catalogueCode: string;
  catalogueName: string;
  own: boolean;
  figures: FigureLine[];
  narrative: string;
  children: { unitCode: string; unitName: string; narrative: string }[];
}

export interface ReportView {
  id: number;
  unit: { code: string; name: string };
  /** "ỦY BAN NHÂN DÂN XÃ TÂN HÒA" before capitals: the issuing body (cơ quan ban hành). */
  issuer: string;
  /** The body above it (cơ quan chủ quản), when there is one. */
  superior: string | null;
  place: string;
  period: string;
  periodLabel: string;
  from: string;
  to: string;
  status: 'draft' | 'submitted';
  /** "12/BC-UBND", or "   /BC-UBND" before the office gives a number. */
  number: string;
  /** The document date: when it was submitted, else today. */
  date: Date;
  /** Trích yếu. */
  title: string;
  summary: string;
  unitCount: number;
  figuresAt: Date | null;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  sections: SectionView[];
  /** Nơi nhận. */
  recipients: string[];
}

/** The issuing body's name for a unit: the people's committee of a territory, or the body's own name. */
export function issuerOf(unit: { name: string; kind: string }): string {
  return isTerritorial(unit.kind) ? `Ủy ban nhân dân ${unit.name}` : unit.name;
}

/** Builds the document view of a report (pure: the unit's ancestors and `now` are given). */
export function reportView(report: ReportRow, sections: SectionRow[], ancestors: UnitRow[], now: Date, lang: 'vi' | 'en' = 'vi'): ReportView {
  const parent = ancestors.at(-1) ?? null;
  const p = periodFromKey(report.period);
  const label = p ? periodLabel(p, 'vi') : report.period;
  const issuer = issuerOf({ name: report.unit_name, kind: report.unit_kind });
  const figuresOfSection = (code: string): FigureLine[] =>
    figuresOf(code).map((key) => {
      const value = report.figures[key] ?? null;
      return { key, label: figureDefs[key][lang], value, text: formatFigure(key, value, lang) };
    });
  return {
    id: report.id,
    unit: { code: report.unit_code, name: report.unit_name },
    issuer,
    superior: parent ? issuerOf(parent) : null,
    place: placeNameOf({ name: report.unit_name, kind: report.unit_kind }, ancestors),
    period: report.period,
    periodLabel: label,
    from: report.period_from,
    to: report.period_to,
    status: report.status,
    number: `${report.doc_number ?? '      '}/BC-UBND`,
    date: report.submitted_at ? new Date(report.submitted_at) : now,
    title: `Kết quả thực hiện các mô hình cải cách hành chính ${label}`,
    summary:
      report.summary ??
      `${issuer} báo cáo kết quả thực hiện các mô hình cải cách hành chính vì mục tiêu xây dựng chính quyền thân thiện, phục vụ Nhân dân ${label} như sau:`,
    unitCount: report.unit_count,
    figuresAt: report.figures_at ? new Date(report.figures_at) : null,
    version: report.version,
    updatedAt: new Date(report.updated_at),
    updatedBy: report.updated_by_name,
    submittedAt: report.submitted_at ? new Date(report.submitted_at) : null,
    submittedBy: report.submitted_by_name,
    sections: sections.map((s) => ({
      modelCode: s.model_code,
      modelName: s.model_name,
      catalogueCode: s.catalogue_code,
      catalogueName: isCatalogueCode(s.catalogue_code) ? catalogueNames[s.catalogue_code] : s.catalogue_code,
      own: s.own,
      figures: figuresOfSection(s.catalogue_code),
      narrative: s.narrative,
      children: s.children.map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, narrative: c.narrative })),
    })),
    recipients: [...(parent ? [`- ${issuerOf(parent)};`] : []), '- Lưu: VT.'],
  };
}

/** The report as JSON (GET /api/v1/reform-reports/:id). */
export function reportJson(v: ReportView) {
  return {
    id: v.id,
    unit: v.unit,
    period: v.period,
    from: v.from,
    to: v.to,
    status: v.status,
    version: v.version,
    unitCount: v.unitCount,
    figuresAt: v.figuresAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
    submittedAt: v.submittedAt?.toISOString() ?? null,
    summary: v.summary,
    sections: v.sections.map((s) => ({
      modelCode: s.modelCode,
      modelName: s.modelName,
      catalogueCode: s.catalogueCode,
      own: s.own,
      figures: s.figures.map((f) => ({ key: f.key, label: f.label, value: f.value })),
      narrative: s.narrative,
      children: s.children,
    })),
  };
}
