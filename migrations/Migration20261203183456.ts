import { Migration } from '@mikro-orm/migrations';

export class Migration20261203183456 extends Migration {

  override async up(): Promise<void> {
    // The derived fields move from dossier to dossier_clock (the recompute worker fills it from the events);
    // the old partial indexes go first, since the new table reuses the name dossier_clock_open_idx.
    this.addSql(`drop index "dossier_clock_missing_idx";`);
    this.addSql(`drop index "dossier_clock_open_idx";`);

    this.addSql(`create table "dossier_clock" ("dossier_id" bigint not null, "verdict" varchar(20) null, "due_at" timestamptz null, "finished_at" timestamptz null, "returned_at" timestamptz null, "late_agency_ids" int[] null, "light" boolean not null, "revision" bigint null, "computed_at" timestamptz not null, "error" varchar(40) null, constraint "dossier_clock_pkey" primary key ("dossier_id"));`);
    this.addSql(`create index "dossier_clock_open_idx" on "dossier_clock" ("dossier_id") where "finished_at" is null;`);
    this.addSql(`create index "dossier_clock_stale_idx" on "dossier_clock" ("dossier_id") where "revision" is null;`);

    this.addSql(`alter table "dossier_clock" add constraint "dossier_clock_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "clock_recompute_job" add column "detail" jsonb null;`);

    this.addSql(`alter table "dossier" drop column "clock_verdict", drop column "clock_due_at", drop column "clock_finished_at", drop column "clock_returned_at", drop column "clock_late_agency_ids", drop column "clock_light", drop column "clock_revision", drop column "clock_computed_at", drop column "clock_error";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dossier_clock" cascade;`);

    this.addSql(`alter table "clock_recompute_job" drop column "detail";`);

    this.addSql(`alter table "dossier" add column "clock_verdict" varchar(20) null, add column "clock_due_at" timestamptz(6) null, add column "clock_finished_at" timestamptz(6) null, add column "clock_returned_at" timestamptz(6) null, add column "clock_late_agency_ids" int4[] null, add column "clock_light" bool null, add column "clock_revision" int8 null, add column "clock_computed_at" timestamptz(6) null, add column "clock_error" varchar(40) null;`);
    this.addSql(`CREATE INDEX dossier_clock_missing_idx ON public.dossier USING btree (id) WHERE (clock_revision IS NULL);`);
    this.addSql(`CREATE INDEX dossier_clock_open_idx ON public.dossier USING btree (id) WHERE (clock_finished_at IS NULL);`);
  }

}
