import { Migration } from '@mikro-orm/migrations';

export class Migration20261203165958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_revision" ("id" smallint not null, "revision" bigint not null default 0, "updated_at" timestamptz not null default now(), constraint "calendar_revision_pkey" primary key ("id"));`);

    this.addSql(`create table "calendar_day" ("id" serial primary key, "date" date not null, "kind" text check ("kind" in ('holiday', 'compensatory_day_off', 'day_off', 'saturday_worked', 'weekday')) not null, "name" varchar(200) not null, "source" varchar(500) not null, "created_by_id" int not null, "created_at" timestamptz not null default now(), constraint calendar_day_name_present check (btrim(name) <> ''), constraint calendar_day_source_present check (btrim(source) <> ''));`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_date_unique" unique ("date");`);

    this.addSql(`alter table "calendar_day" add constraint "calendar_day_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_revision" cascade;`);

    this.addSql(`drop table if exists "calendar_day" cascade;`);
  }

}
