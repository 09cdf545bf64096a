import { Migration } from '@mikro-orm/migrations';

export class Migration20261203174249 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "clock_recompute_job" ("id" serial primary key, "calendar_revision" bigint not null, "state" text check ("state" in ('pending', 'running', 'done', 'failed', 'superseded')) not null, "total" int not null default 0, "done" int not null default 0, "moved" int not null default 0, "tasks_moved" int not null default 0, "claimed_by" varchar(100) null, "heartbeat_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "started_at" timestamptz null, "finished_at" timestamptz null);`);
    this.addSql(`alter table "clock_recompute_job" add constraint "clock_recompute_job_calendar_revision_unique" unique ("calendar_revision");`);

    this.addSql(`create table "clock_recompute_move" ("id" bigserial primary key, "job_id" int null, "dossier_id" bigint not null, "old_due_at" timestamptz null, "new_due_at" timestamptz null, "old_appointment_at" timestamptz not null, "new_appointment_at" timestamptz not null, "at" timestamptz not null default now());`);
    this.addSql(`create index "clock_recompute_move_job_id_index" on "clock_recompute_move" ("job_id");`);
    this.addSql(`create index "clock_recompute_move_dossier_id_index" on "clock_recompute_move" ("dossier_id");`);

    this.addSql(`alter table "clock_recompute_move" add constraint "clock_recompute_move_job_id_foreign" foreign key ("job_id") references "clock_recompute_job" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "clock_recompute_move" add constraint "clock_recompute_move_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dossier" add column "clock_limit_value" numeric(8,2) null, add column "clock_limit_unit" varchar(20) null, add column "clock_supplement_restarts" boolean null, add column "clock_verdict" varchar(20) null, add column "clock_due_at" timestamptz null, add column "clock_finished_at" timestamptz null, add column "clock_returned_at" timestamptz null, add column "clock_late_agency_ids" int[] null, add column "clock_light" boolean null, add column "clock_revision" bigint null, add column "clock_computed_at" timestamptz null, add column "clock_error" varchar(40) null;`);
    this.addSql(`create index "dossier_clock_open_idx" on "dossier" ("id") where "clock_finished_at" is null;`);
    this.addSql(`create index "dossier_clock_missing_idx" on "dossier" ("id") where "clock_revision" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "clock_recompute_move" drop constraint "clock_recompute_move_job_id_foreign";`);

    this.addSql(`drop table if exists "clock_recompute_job" cascade;`);

    this.addSql(`drop table if exists "clock_recompute_move" cascade;`);

    this.addSql(`drop index "dossier_clock_open_idx";`);
    this.addSql(`drop index "dossier_clock_missing_idx";`);
    this.addSql(`alter table "dossier" drop column "clock_limit_value", drop column "clock_limit_unit", drop column "clock_supplement_restarts", drop column "clock_verdict", drop column "clock_due_at", drop column "clock_finished_at", drop column "clock_returned_at", drop column "clock_late_agency_ids", drop column "clock_light", drop column "clock_revision", drop column "clock_computed_at", drop column "clock_error";`);
  }

}
