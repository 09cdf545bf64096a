import { Migration } from '@mikro-orm/migrations';

export class Migration20261203185945 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "clock_recompute_job" add column "calendar_days" jsonb null;`);

    this.addSql(`create index "dossier_appointment_at_index" on "dossier" ("appointment_at");`);

    // dossier_clock is derived: emptied, the recompute worker computes every row again from the events.
    this.addSql(`truncate table "dossier_clock";`);
    // Narrow rows updated in place by the recompute: room on each page for HOT updates.
    this.addSql(`alter table "dossier_clock" set (fillfactor = 80);`);
    this.addSql(`alter table "dossier_clock" add column "received_at" timestamptz not null, add column "limit_value" numeric(8,2) not null, add column "limit_unit" varchar(20) not null, add column "definition_id" int not null;`);

    this.addSql(`drop index "clock_recompute_move_job_id_index";`);

    this.addSql(`alter table "clock_recompute_move" alter column "old_appointment_at" drop not null;`);
    this.addSql(`alter table "clock_recompute_move" alter column "new_appointment_at" drop not null;`);
    this.addSql(`delete from "clock_recompute_move" a using "clock_recompute_move" b where a."job_id" = b."job_id" and a."dossier_id" = b."dossier_id" and a."id" > b."id";`);
    this.addSql(`alter table "clock_recompute_move" add constraint "clock_recompute_move_job_id_dossier_id_unique" unique ("job_id", "dossier_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "clock_recompute_job" drop column "calendar_days";`);

    this.addSql(`alter table "clock_recompute_move" drop constraint "clock_recompute_move_job_id_dossier_id_unique";`);

    this.addSql(`alter table "clock_recompute_move" alter column "old_appointment_at" type timestamptz(6) using ("old_appointment_at"::timestamptz(6));`);
    this.addSql(`alter table "clock_recompute_move" alter column "old_appointment_at" set not null;`);
    this.addSql(`alter table "clock_recompute_move" alter column "new_appointment_at" type timestamptz(6) using ("new_appointment_at"::timestamptz(6));`);
    this.addSql(`alter table "clock_recompute_move" alter column "new_appointment_at" set not null;`);
    this.addSql(`create index "clock_recompute_move_job_id_index" on "clock_recompute_move" ("job_id");`);

    this.addSql(`drop index "dossier_appointment_at_index";`);

    this.addSql(`alter table "dossier_clock" drop column "received_at", drop column "limit_value", drop column "limit_unit", drop column "definition_id";`);
    this.addSql(`alter table "dossier_clock" reset (fillfactor);`);
  }

}
