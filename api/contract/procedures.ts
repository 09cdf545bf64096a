import { z } from 'zod';

export const TimeLimit = z.object({
  value: z.number(),
  unit: z.enum(['working_days', 'working_hours', 'days', 'same_day']),
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export const ProcedureView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  field: z.string(),
  timeLimit: TimeLimit,
  fee: z.string(),
  documents: z.array(z.object({ key: z.string(), name: z.string(), required: z.boolean() })),
  /** Agencies (codes) whose desks may receive it; the first is the default handling agency. */
  agencies: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.number(),
  definitionId: z.number(),
});
export type ProcedureView = z.infer<typeof ProcedureView>;
