import type { Procedure } from './procedure.entity.js';

type AgencyKind = 'province' | 'department' | 'district' | 'commune' | 'branch';

/** The catalogue names competent agencies by level; "province_department" covers departments and their branch offices. */
export function agencyKindsFor(procedure: Pick<Procedure, 'agencyKinds'>): AgencyKind[] {
  return procedure.agencyKinds.flatMap((k): AgencyKind[] =>
    k === 'province_department' ? ['department', 'branch'] : [k as AgencyKind]);
}
