-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "profile_switch_allowed" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "site" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);
