import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary(),
    username: p.string().length(100).unique(),
    fullName: p.string().length(200),
    passwordHash: p.string().length(300),
    agency: () => p.manyToOne(Agency).mapToPk().index(),
    /** Roles held at the user's agency: admin, designer, desk, specialist, leader. */
    roles: p.array(),
    email: p.string().length(200).nullable(),
    phone: p.string().length(20).nullable(),
    active: p.boolean().default(true),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type User = InferEntity<typeof User>;
