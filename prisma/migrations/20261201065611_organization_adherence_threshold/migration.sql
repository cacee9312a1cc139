-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "adherence_threshold_percent" INTEGER NOT NULL DEFAULT 60;

-- The range the engine accepts: a threshold outside it would make every visit of the organization invalid.
ALTER TABLE "organization" ADD CONSTRAINT "organization_adherence_threshold_range" CHECK ("adherence_threshold_percent" BETWEEN 30 AND 90);
