-- CreateEnum
CREATE TYPE "MedicationAction" AS ENUM ('new', 'continue', 'change', 'stop');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderKind" ADD VALUE 'naloxone';
ALTER TYPE "OrderKind" ADD VALUE 'urine_drug_test';
ALTER TYPE "OrderKind" ADD VALUE 'taper_plan';

-- AlterTable
ALTER TABLE "clinical_order" ADD COLUMN     "medication_action" "MedicationAction";

-- Orders signed before reconciliation added medicines (a renewal, too, was an addition): they are "new".
UPDATE "clinical_order" SET "medication_action" = 'new' WHERE "kind" = 'medication';

-- A medication order always says what it does to the list; no other order has an action.
ALTER TABLE "clinical_order" ADD CONSTRAINT "clinical_order_medication_action" CHECK (("kind" = 'medication') = ("medication_action" IS NOT NULL));
