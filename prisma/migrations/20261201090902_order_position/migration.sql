-- AlterTable
ALTER TABLE "clinical_order" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;
