-- CreateEnum
CREATE TYPE "PtNoteKind" AS ENUM ('progress', 'plan_of_care');

-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "progress_note_every_visits" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "pt_note" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "therapist_id" UUID NOT NULL,
    "kind" "PtNoteKind" NOT NULL,
    "date" DATE NOT NULL,
    "subjective" TEXT,
    "objective" TEXT,
    "assessment" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "goals" TEXT,
    "visits_per_week" INTEGER,
    "weeks" INTEGER,
    "certify_from" DATE,
    "certify_to" DATE,
    "certified_by_id" UUID,
    "certified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pt_note_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pt_note_referral_id_created_at_idx" ON "pt_note"("referral_id", "created_at");

-- CreateIndex
CREATE INDEX "pt_note_therapist_id_idx" ON "pt_note"("therapist_id");

-- CreateIndex
CREATE INDEX "pt_note_certified_by_id_idx" ON "pt_note"("certified_by_id");

-- AddForeignKey
ALTER TABLE "pt_note" ADD CONSTRAINT "pt_note_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pt_note" ADD CONSTRAINT "pt_note_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pt_note" ADD CONSTRAINT "pt_note_certified_by_id_fkey" FOREIGN KEY ("certified_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
