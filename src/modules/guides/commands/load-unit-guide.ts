import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { listCarriedInForce, type VersionRow } from '../../procedures/index.ts';
import { ancestorsOf, findUnitByCode, findUnitById, placeNameOf, type UnitRow } from '../../units/index.ts';
import { assignFieldSlugs } from '../rules/field-slug.ts';
import { type GuideField, type GuideUnit, groupByField } from '../rules/guide-sheet.ts';
import { absolute, fieldPagePath, samplesPagePath } from '../rules/paths.ts';

/** A unit's published catalogue as the guide pages and sheets show it. */
export interface UnitGuide {
  unit: UnitRow;
  /** Parent's name, for "Phường 1 (Thành phố Cao Lãnh)" and the sheet's superior body. */
  parentName: string | null;
  sheetUnit: GuideUnit;
  /** Fields in Vietnamese alphabetical order, each with its procedures in force. */
  fields: GuideField[];
  /** Each procedure's version in force, by code (for the pages' online-level and other facts). */
  versions: Map<string, VersionRow>;
}

/** A unit merged into another (sáp nhập): printed QR codes keep working by leading to the receiving unit. */
export interface MergedUnit {
  mergedInto: string;
}

const UNIT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

function unitNotFound(code: string): AppError {
  const shown = code.slice(0, 64);
  return new AppError('UNIT_NOT_FOUND', {
    detail: {
      vi: `Không có đơn vị mã “${shown}”. Hãy tìm thủ tục tại trang Tra cứu thủ tục hành chính (/thu-tuc).`,
      en: `There is no unit with code “${shown}”. Find the procedure on the procedure search page (/thu-tuc).`,
    },
  });
}

/**
 * Loads the procedures a unit carries out that are published and in force on `day`, grouped by field with each
 * field's stable slug (rules/field-slug.ts) and absolute addresses under `publicUrl`. An unknown code is
 * UNIT_NOT_FOUND; a unit merged away answers with the unit it was merged into.
 */
export async function loadUnitGuide(db: Db, code: string, day: string, publicUrl: string): Promise<UnitGuide | MergedUnit> {
  if (!UNIT_CODE.test(code)) throw unitNotFound(code);
  const unit = await findUnitByCode(db, code);
  if (!unit) throw unitNotFound(code);
  if (unit.merged_into_id !== null) {
    let into = await findUnitById(db, unit.merged_into_id);
    // A merged unit may itself have been merged later: follow the chain a few steps.
    for (let i = 0; into?.merged_into_id && i < 5; i++) into = await findUnitById(db, into.merged_into_id);
    if (into) return { mergedInto: into.code };
  }
  const [ancestors, versions] = await Promise.all([ancestorsOf(db, unit), listCarriedInForce(db, unit.id, day)]);
  const parent = ancestors.at(-1);
  const groups = groupByField(versions);
  const slugs = assignFieldSlugs(groups.map((g) => g.field));
  const fields: GuideField[] = groups.map((g) => {
    const slug = slugs.get(g.field) as string;
    return {
      name: g.field,
      slug,
      url: absolute(publicUrl, fieldPagePath(unit.code, slug)),
      procedures: g.items.map((v) => ({
        code: v.code,
        name: v.name,
        timeLimit: { value: Number(v.time_limit_value), unit: v.time_limit_unit },
        fees: v.data.fees,
        url: absolute(publicUrl, samplesPagePath(v.code)),
      })),
    };
  });
  return {
    unit,
    parentName: parent?.name ?? null,
    sheetUnit: { name: unit.name, superiorName: parent?.name, placeName: placeNameOf(unit, ancestors) },
    fields,
    versions: new Map(versions.map((v) => [v.code, v])),
  };
}

export function isMerged(g: UnitGuide | MergedUnit): g is MergedUnit {
  return 'mergedInto' in g;
}
