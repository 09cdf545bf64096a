import { z } from 'zod';
import { Role } from './common.js';

export const LoginRequest = z.object({
  username: z.string({ error: 'Thiếu tên đăng nhập' }).trim().min(1, 'Thiếu tên đăng nhập').max(100),
  password: z.string({ error: 'Thiếu mật khẩu' }).min(1, 'Thiếu mật khẩu').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  agency: z.object({ code: z.string(), name: z.string() }),
  roles: z.array(Role),
});
export type UserView = z.infer<typeof UserView>;

export const LoginResponse = z.object({ token: z.string(), user: UserView });
export type LoginResponse = z.infer<typeof LoginResponse>;
