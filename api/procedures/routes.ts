import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProcedureView } from '../contract/procedures.js';
import { createRouter } from '../http/router.js';
import { notFound } from '../http/errors.js';
import { requireUser } from '../auth/middleware.js';
import { Agency } from '../agencies/agency.entity.js';
import { Procedure } from './procedure.entity.js';
import { Definition } from './definition.entity.js';
import { agencyKindsFor } from './competence.js';

export const procedureRoutes = createRouter();

procedureRoutes.get('/procedures', async (ctx) => {
  requireUser(ctx);
  const procedures = await ctx.state.em.find(Procedure, {}, { orderBy: { code: 'asc' } });
  ctx.body = await Promise.all(procedures.map((p) => procedureView(ctx.state.em, p)));
});

procedureRoutes.get('/procedures/:code', async (ctx) => {
  requireUser(ctx);
  const procedure = await ctx.state.em.findOne(Procedure, ctx.params.code);
  if (!procedure) throw notFound(`Không tìm thấy thủ tục có mã "${ctx.params.code}"`, `Unknown procedure ${ctx.params.code}`, 'code');
  ctx.body = await procedureView(ctx.state.em, procedure);
});

procedureRoutes.get('/definitions/:id/xml', async (ctx) => {
  requireUser(ctx);
  const id = Number(ctx.params.id);
  const def = Number.isInteger(id) ? await ctx.state.em.findOne(Definition, id) : null;
  if (!def) throw notFound('Không tìm thấy quy trình', `No definition ${ctx.params.id}`, 'id');
  ctx.type = 'application/xml';
  ctx.body = def.xml;
});

async function procedureView(em: EntityManager, p: Procedure): Promise<ProcedureView> {
  const [definition, agencies] = await Promise.all([
    em.findOneOrFail(Definition, { processId: p.processId }, { orderBy: { version: 'desc' } }),
    em.find(Agency, { kind: { $in: agencyKindsFor(p) } }, { orderBy: { code: 'asc' } }),
  ]);
  return {
    code: p.code, name: p.name, level: p.level as ProcedureView['level'], field: p.field,
    timeLimit: { value: p.timeLimitValue, unit: p.timeLimitUnit as ProcedureView['timeLimit']['unit'] },
    fee: p.fee, documents: p.documents, agencies: agencies.map((a) => ({ code: a.code, name: a.name })),
    version: definition.version, definitionId: definition.id,
  };
}
