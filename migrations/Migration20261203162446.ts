import { Migration } from '@mikro-orm/migrations';

export class Migration20261203162446 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agency" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(300) not null, "kind" text check ("kind" in ('province', 'department', 'district', 'commune', 'branch')) not null, "parent_id" int null, "path" varchar(200) not null, "tags" text[] not null default '{}');`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);

    this.addSql(`create table "dossier_sequence" ("agency_id" int not null, "day" date not null, "last" int not null, constraint "dossier_sequence_pkey" primary key ("agency_id", "day"));`);

    this.addSql(`create table "procedure" ("code" varchar(40) not null, "name" varchar(500) not null, "level" varchar(20) not null, "field" varchar(200) not null, "time_limit_value" numeric(8,2) not null, "time_limit_unit" varchar(20) not null, "fee" text not null, "documents" jsonb not null, "agency_kinds" text[] not null, "process_id" varchar(100) not null, "catalogue" jsonb not null, constraint "procedure_pkey" primary key ("code"));`);

    this.addSql(`create table "app_user" ("id" serial primary key, "username" varchar(100) not null, "full_name" varchar(200) not null, "password_hash" varchar(300) not null, "agency_id" int not null, "roles" text[] not null, "email" varchar(200) null, "phone" varchar(20) null, "active" boolean not null default true, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_agency_id_index" on "app_user" ("agency_id");`);

    this.addSql(`create table "session" ("token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`create table "process_definition" ("id" serial primary key, "process_id" varchar(100) not null, "version" int not null, "procedure_code" varchar(40) null, "name" varchar(500) not null, "hash" varchar(64) not null, "xml" text not null, "published_at" timestamptz not null default now(), "published_by_id" int null);`);
    this.addSql(`alter table "process_definition" add constraint "process_definition_process_id_version_unique" unique ("process_id", "version");`);

    this.addSql(`create table "dossier" ("id" bigserial primary key, "code" varchar(60) not null, "procedure_code" varchar(40) not null, "definition_id" int not null, "receiving_agency_id" int not null, "handling_agency_id" int not null, "channel" varchar(10) not null, "applicant" jsonb not null, "applicant_name" varchar(200) not null, "applicant_id_number" varchar(12) not null, "documents" jsonb not null, "status" smallint not null, "outcome" varchar(20) null, "received_at" timestamptz not null, "appointment_at" timestamptz not null, "finished_at" timestamptz null, "returned_at" timestamptz null, "created_by_id" int not null, "idempotency_key" varchar(100) null, "note" text null);`);
    this.addSql(`alter table "dossier" add constraint "dossier_code_unique" unique ("code");`);
    this.addSql(`create index "dossier_handling_agency_id_received_at_index" on "dossier" ("handling_agency_id", "received_at");`);
    this.addSql(`create index "dossier_applicant_id_number_index" on "dossier" ("applicant_id_number");`);
    this.addSql(`alter table "dossier" add constraint "dossier_created_by_id_idempotency_key_unique" unique ("created_by_id", "idempotency_key");`);

    this.addSql(`create table "process_instance" ("id" bigserial primary key, "dossier_id" bigint not null, "definition_id" int not null, "state" jsonb not null, "ended" boolean not null default false, "version" int not null default 1, "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "process_instance" add constraint "process_instance_dossier_id_unique" unique ("dossier_id");`);

    this.addSql(`create table "timer_job" ("id" bigserial primary key, "instance_id" bigint not null, "dossier_id" bigint not null, "execution_id" varchar(200) not null, "element_id" varchar(200) not null, "due_at" timestamptz not null, "state" varchar(12) not null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`create index "timer_job_due_idx" on "timer_job" ("due_at") where "state" = 'waiting';`);
    this.addSql(`alter table "timer_job" add constraint "timer_job_instance_id_execution_id_unique" unique ("instance_id", "execution_id");`);

    this.addSql(`create table "task" ("id" bigserial primary key, "dossier_id" bigint not null, "instance_id" bigint not null, "execution_id" varchar(200) not null, "element_id" varchar(200) not null, "name" varchar(300) not null, "candidate_groups" text[] not null, "agency_id" int not null, "assignee_id" int null, "state" varchar(12) not null, "created_at" timestamptz not null, "due_at" timestamptz null, "completed_at" timestamptz null, "completed_by_id" int null, "decision" varchar(20) null, "note" text null, "data" jsonb null);`);
    this.addSql(`create index "task_dossier_id_index" on "task" ("dossier_id");`);
    this.addSql(`create index "task_open_agency_idx" on "task" ("agency_id", "created_at", "id") where "state" = 'open' and "assignee_id" is null;`);
    this.addSql(`create index "task_open_assignee_idx" on "task" ("assignee_id", "created_at", "id") where "state" = 'open';`);
    this.addSql(`alter table "task" add constraint "task_instance_id_execution_id_unique" unique ("instance_id", "execution_id");`);

    this.addSql(`create table "dossier_event" ("id" bigserial primary key, "dossier_id" bigint not null, "at" timestamptz not null, "action" varchar(40) not null, "actor_id" int null, "agency_id" int null, "task_id" bigint null, "step_name" varchar(300) null, "note" text null, "data" jsonb null);`);
    this.addSql(`create index "dossier_event_dossier_id_at_index" on "dossier_event" ("dossier_id", "at");`);

    this.addSql(`alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "dossier_sequence" add constraint "dossier_sequence_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "process_definition" add constraint "process_definition_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "dossier" add constraint "dossier_procedure_code_foreign" foreign key ("procedure_code") references "procedure" ("code") on update cascade;`);
    this.addSql(`alter table "dossier" add constraint "dossier_definition_id_foreign" foreign key ("definition_id") references "process_definition" ("id") on update cascade;`);
    this.addSql(`alter table "dossier" add constraint "dossier_receiving_agency_id_foreign" foreign key ("receiving_agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "dossier" add constraint "dossier_handling_agency_id_foreign" foreign key ("handling_agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "dossier" add constraint "dossier_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "process_instance" add constraint "process_instance_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "process_instance" add constraint "process_instance_definition_id_foreign" foreign key ("definition_id") references "process_definition" ("id") on update cascade;`);

    this.addSql(`alter table "timer_job" add constraint "timer_job_instance_id_foreign" foreign key ("instance_id") references "process_instance" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "timer_job" add constraint "timer_job_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "task" add constraint "task_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task" add constraint "task_instance_id_foreign" foreign key ("instance_id") references "process_instance" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task" add constraint "task_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "task" add constraint "task_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_completed_by_id_foreign" foreign key ("completed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "dossier_event" add constraint "dossier_event_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dossier_event" add constraint "dossier_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dossier_event" add constraint "dossier_event_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dossier_event" add constraint "dossier_event_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete set null;`);
  }

}
