import { z } from 'zod';

/** Every 4xx/5xx body. `message` is Vietnamese for the end user; `field` names the input at fault. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const Role = z.enum(['admin', 'designer', 'desk', 'specialist', 'leader']);
export type Role = z.infer<typeof Role>;

export const Page = z.object({
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 dòng mỗi trang').default(20),
});

/** ISO-8601 instant with offset, e.g. 2026-12-03T09:00:00.000+07:00. */
export const Instant = z.string();
