/** A task as the hot paths read it (see TASK_COLUMNS). */
export interface TaskRow {
  id: number;
  dossier: number;
  instance: number;
  executionId: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  agency: number;
  assignee: number | null;
  state: 'open' | 'completed' | 'cancelled';
}

export const TASK_COLUMNS = `t.id, t.dossier_id as dossier, t.instance_id as instance, t.execution_id as "executionId",
  t.element_id as "elementId", t.name, t.candidate_groups as "candidateGroups", t.agency_id as agency,
  t.assignee_id as assignee, t.state`;
