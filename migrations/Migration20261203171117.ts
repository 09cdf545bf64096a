import { Migration } from '@mikro-orm/migrations';

export class Migration20261203171117 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "process_draft" ("process_id" varchar(100) not null, "xml" text not null, "version" int not null default 1, "based_on_version" int null, "updated_by_id" int not null, "updated_at" timestamptz not null default now(), constraint "process_draft_pkey" primary key ("process_id"));`);

    this.addSql(`create table "process_design_event" ("id" serial primary key, "process_id" varchar(100) not null, "action" text check ("action" in ('imported', 'published', 'republished', 'draft_discarded')) not null, "definition_id" int null, "from_version" int null, "actor_id" int not null, "at" timestamptz not null default now(), "detail" jsonb null);`);
    this.addSql(`create index "process_design_event_process_id_at_index" on "process_design_event" ("process_id", "at");`);

    this.addSql(`alter table "process_draft" add constraint "process_draft_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "process_design_event" add constraint "process_design_event_definition_id_foreign" foreign key ("definition_id") references "process_definition" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "process_design_event" add constraint "process_design_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "process_draft" cascade;`);

    this.addSql(`drop table if exists "process_design_event" cascade;`);
  }

}
