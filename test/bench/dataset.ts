import pg from 'pg';

export const BENCH_COMMUNES = 120;

/**
 * Generates a province-sized dataset straight in SQL: BENCH_COMMUNES communes with a desk officer,
 * two specialists and a leader each, and `dossiers` dossiers spread over communes, procedures and
 * states (about 35 % in process with one open task, a third of those claimed; the rest finished).
 * Bench officers share the demo password.
 */
export async function generateDataset(url: string, dossiers: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`
      insert into agency (code, name, kind, parent_id, path, tags)
      select format('000.4%s.%s.H99', lpad((g / 100)::text, 1, '0'), lpad((g % 100)::text, 2, '0')), format('UBND xã Thử Nghiệm %s', g), 'commune', 1, '', '{}'
        from generate_series(1, ${BENCH_COMMUNES}) g;
      update agency set path = format('/1/%s/', id) where path = '';
      insert into app_user (username, full_name, password_hash, agency_id, roles)
      select format('bench.%s.%s', a.id, r.role), format('Cán bộ %s %s', r.role, a.id), (select password_hash from app_user where username = 'motcua.xa1'), a.id, array[r.base]
        from agency a
        cross join (values ('desk', 'desk'), ('specialist1', 'specialist'), ('specialist2', 'specialist'), ('leader', 'leader')) as r(role, base)
       where a.name like 'UBND xã Thử Nghiệm%';
    `);
    const batch = 50_000;
    for (let start = 0; start < dossiers; start += batch) {
      const n = Math.min(batch, dossiers - start);
      await c.query(`
        with communes as (select array_agg(id order by id) ids from agency where name like 'UBND xã Thử Nghiệm%'),
             procs as (select array_agg(p.code order by p.code) codes, array_agg(d.id order by p.code) defs
                         from procedure p join lateral (select id from process_definition where process_id = p.process_id order by version desc limit 1) d on true),
             src as (
               select s, c.ids[1 + ((s::bigint * 7919) % array_length(c.ids, 1))::int] as agency,
                      1 + (s * 31) % array_length(p.codes, 1) as pi, p.codes, p.defs,
                      now() - make_interval(mins => (s * 37) % (60 * 24 * 365)) as received,
                      (s % 100) < 35 as open
                 from generate_series(${start + 1}, ${start + n}) s, communes c, procs p),
             d as (
               insert into dossier (code, procedure_code, definition_id, receiving_agency_id, handling_agency_id, channel, applicant, applicant_name,
                                    applicant_id_number, documents, status, outcome, received_at, appointment_at, finished_at, returned_at, created_by_id)
               select format('BENCH-%s', s), codes[pi], defs[pi], agency, agency, 'desk',
                      jsonb_build_object('fullName', format('Công dân %s', s), 'idNumber', lpad(s::text, 12, '0'), 'phone', '0912345678', 'address', 'Thử nghiệm'),
                      format('Công dân %s', s), lpad(s::text, 12, '0'), '[]', case when open then 4 else 10 end, case when open then null else 'approved' end,
                      received, received + interval '3 days', case when open then null else received + interval '2 days' end,
                      case when open then null else received + interval '2 days' end,
                      (select id from app_user where username = 'motcua.xa1')
                 from src
               returning id, handling_agency_id, received_at, status),
             i as (insert into process_instance (dossier_id, definition_id, state, ended)
                   select d.id, (select defs[1] from procs), '{}', d.status = 10 from d returning id, dossier_id)
        insert into task (dossier_id, instance_id, execution_id, element_id, name, candidate_groups, agency_id, assignee_id, state, created_at, due_at, completed_at)
        select d.id, i.id, format('bench_%s', d.id), 'bench_step', 'Thẩm định hồ sơ', array[case when d.id % 5 = 0 then 'leader' else 'specialist' end],
               d.handling_agency_id,
               case when d.status = 4 and d.id % 3 = 0 then (select id from app_user u where u.agency_id = d.handling_agency_id and u.username like '%specialist1') end,
               case when d.status = 4 then 'open' else 'completed' end, d.received_at, d.received_at + interval '2 days',
               case when d.status = 4 then null else d.received_at + interval '1 day' end
          from d join i on i.dossier_id = d.id`);
      process.stdout.write(`\r  generated ${start + n} / ${dossiers} dossiers`);
    }
    process.stdout.write('\n');
    await c.query('analyze');
  } finally {
    await c.end();
  }
}
