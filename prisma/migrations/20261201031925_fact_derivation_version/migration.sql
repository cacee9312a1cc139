-- AlterTable
ALTER TABLE "encounter_fact" ADD COLUMN     "derivation_version" INTEGER NOT NULL DEFAULT 1;
