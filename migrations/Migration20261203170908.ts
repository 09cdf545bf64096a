import { Migration } from '@mikro-orm/migrations';

export class Migration20261203170908 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notice_template" ("kind" varchar(40) not null, "channel" text check ("channel" in ('email', 'sms', 'zalo')) not null, "subject" text null, "body" text not null, "enabled" boolean not null default true, "updated_at" timestamptz not null default now(), "updated_by_id" int null, constraint "notice_template_pkey" primary key ("kind", "channel"));`);

    this.addSql(`create table "notice" ("id" bigserial primary key, "dossier_id" bigint not null, "kind" varchar(40) not null, "channel" text check ("channel" in ('email', 'sms', 'zalo')) not null, "recipient" varchar(320) not null, "subject" text null, "body" text not null, "params" jsonb not null, "idempotency_key" varchar(200) not null, "state" text check ("state" in ('pending', 'sending', 'sent', 'failed', 'dead')) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "claim_token" uuid null, "last_error" text null, "provider_message_id" varchar(200) null, "segments" smallint null, "event_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "sent_at" timestamptz null, "resent_at" timestamptz null, "resent_by_id" int null);`);
    this.addSql(`create index "notice_dossier_id_index" on "notice" ("dossier_id");`);
    this.addSql(`alter table "notice" add constraint "notice_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "notice_due_idx" on "notice" ("next_attempt_at") where "state" in ('pending', 'failed', 'sending');`);
    this.addSql(`create index "notice_state_id_index" on "notice" ("state", "id");`);

    this.addSql(`alter table "notice_template" add constraint "notice_template_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notice" add constraint "notice_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notice" add constraint "notice_resent_by_id_foreign" foreign key ("resent_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notice_template" cascade;`);

    this.addSql(`drop table if exists "notice" cascade;`);
  }

}
