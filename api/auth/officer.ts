import type { Role } from '../contract/common.js';

/** The signed-in officer as every request sees it. */
export interface Officer {
  id: number;
  username: string;
  fullName: string;
  agency: number;
  roles: Role[];
}

export const OFFICER_COLUMNS = 'u.id, u.username, u.full_name as "fullName", u.agency_id as agency, u.roles';
