-- Writers no longer chain events themselves (that needed one lock for the whole system): an event is appended with
-- a pending marker, and the sealer chains committed events into audit_seal. The chain so far moves there unchanged,
-- with each event's id as its position, so the existing hashes and checkpoint signatures still hold.

-- CreateTable
CREATE TABLE "audit_seal" (
    "seq" BIGINT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "keyed" BOOLEAN NOT NULL,
    "sealed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_seal_pkey" PRIMARY KEY ("seq")
);

INSERT INTO "audit_seal" ("seq", "event_id", "prev_hash", "hash", "keyed", "sealed_at")
    SELECT "id", "id", "prev_hash", "hash", "keyed", "at" FROM "audit_event";

-- CreateIndex
CREATE UNIQUE INDEX "audit_seal_event_id_key" ON "audit_seal"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_seal_hash_key" ON "audit_seal"("hash");

-- AddForeignKey
ALTER TABLE "audit_seal" ADD CONSTRAINT "audit_seal_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "audit_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "audit_event_hash_key";

-- AlterTable
ALTER TABLE "audit_event" DROP COLUMN "hash",
DROP COLUMN "keyed",
DROP COLUMN "prev_hash";

-- Checkpoints name a position in the chain, which was the event's id until now.
ALTER TABLE "audit_checkpoint" RENAME COLUMN "event_id" TO "seq";

-- CreateTable
CREATE TABLE "audit_pending" (
    "event_id" BIGINT NOT NULL,

    CONSTRAINT "audit_pending_pkey" PRIMARY KEY ("event_id")
);

-- AddForeignKey
ALTER TABLE "audit_pending" ADD CONSTRAINT "audit_pending_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "audit_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "audit_verification" (
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "seals" BIGINT NOT NULL,
    "checkpoints" BIGINT NOT NULL,
    "events_below" BIGINT NOT NULL,
    "signature" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_verification_pkey" PRIMARY KEY ("seq")
);

-- Seals and verification records are append-only like the events; the refusal names the table.
CREATE TRIGGER "audit_seal_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_seal"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_seal_no_truncate" BEFORE TRUNCATE ON "audit_seal"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_verification_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_verification"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_verification_no_truncate" BEFORE TRUNCATE ON "audit_verification"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
