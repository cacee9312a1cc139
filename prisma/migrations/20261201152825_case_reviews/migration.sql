-- CreateEnum
CREATE TYPE "CaseFinding" AS ENUM ('appropriate', 'needs_follow_up', 'documentation_gap', 'not_appropriate');

-- CreateTable
CREATE TABLE "case_review" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "measure" INTEGER NOT NULL,
    "encounter_id" UUID NOT NULL,
    "case_key" TEXT NOT NULL,
    "case_date" DATE NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "finding" "CaseFinding" NOT NULL,
    "comment" TEXT,
    "sent_to_clinician" BOOLEAN NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "reply" TEXT,

    CONSTRAINT "case_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_review_organization_id_measure_encounter_id_case_key_idx" ON "case_review"("organization_id", "measure", "encounter_id", "case_key");

-- CreateIndex
CREATE INDEX "case_review_organization_id_reviewed_at_idx" ON "case_review"("organization_id", "reviewed_at");

-- CreateIndex
CREATE INDEX "case_review_clinician_id_sent_to_clinician_reviewed_at_idx" ON "case_review"("clinician_id", "sent_to_clinician", "reviewed_at");

-- CreateIndex
CREATE INDEX "case_review_reviewer_id_idx" ON "case_review"("reviewer_id");

-- CreateIndex
CREATE INDEX "case_review_patient_id_idx" ON "case_review"("patient_id");

-- AddForeignKey
ALTER TABLE "case_review" ADD CONSTRAINT "case_review_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_review" ADD CONSTRAINT "case_review_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_review" ADD CONSTRAINT "case_review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
