-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('phone', 'text', 'email', 'mail');

-- AlterTable
ALTER TABLE "patient" ADD COLUMN     "email" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "preferred_contact" "ContactMethod";

-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "authorization_number" TEXT,
ADD COLUMN     "authorized_until" DATE,
ADD COLUMN     "member_id" TEXT,
ADD COLUMN     "payer" TEXT,
ADD COLUMN     "visits_authorized" INTEGER;
