/** The models a unit runs, as report sections: the reform registry's runs with their MODELS.md row. */
import type { Db } from '../../platform/db/pool.ts';
import { modelsRunBy } from '../reform/index.ts';
import { catalogueNames, isCatalogueCode } from './rules/model-figures.ts';

export interface SectionSpec {
  modelCode: string;
  modelName: string;
  catalogueCode: string;
}

/**
 * The models `unitId` runs on `on` (the period's last day, or today while it runs), in the registry's order. A unit
 * that registered none still reports on its one-stop desk (M1), which every unit keeps by law.
 */
export async function sectionsFor(db: Db, unitId: number, on: string): Promise<SectionSpec[]> {
  const runs = (await modelsRunBy(db, [unitId], on)).get(unitId) ?? [];
  const out: SectionSpec[] = [];
  for (const r of runs) {
    if (!isCatalogueCode(r.catalogueCode) || out.some((s) => s.modelCode === r.code)) continue;
    out.push({ modelCode: r.code, modelName: r.name, catalogueCode: r.catalogueCode });
  }
  if (out.length === 0) out.push({ modelCode: 'mot-cua', modelName: catalogueNames.M1, catalogueCode: 'M1' });
  return out;
}
