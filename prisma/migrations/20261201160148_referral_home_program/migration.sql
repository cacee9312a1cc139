-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "home_program" JSONB;
