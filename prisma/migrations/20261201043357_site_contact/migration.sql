-- AlterTable
ALTER TABLE "site" ADD COLUMN     "address" TEXT,
ADD COLUMN     "phone" TEXT;
