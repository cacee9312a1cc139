-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "keyed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "audit_checkpoint" (
    "event_id" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("event_id")
);

-- Checkpoints are append-only like the events they sign; the refusal names the table.
CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_checkpoint_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_checkpoint"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_checkpoint_no_truncate" BEFORE TRUNCATE ON "audit_checkpoint"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
