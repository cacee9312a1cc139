-- AlterTable
ALTER TABLE "encounter" ADD COLUMN     "draft_decisions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "draft_orders" JSONB NOT NULL DEFAULT '[]';
