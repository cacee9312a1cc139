-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "discharged_at" TIMESTAMPTZ(3);

-- Referrals discharged before this column: their last change was the discharge.
UPDATE "referral" SET "discharged_at" = "updated_at" WHERE "status" = 'discharged';
