-- CreateTable
CREATE TABLE "encounter_fact" (
    "encounter_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "site_id" UUID,
    "encounter_date" DATE NOT NULL,
    "previous_encounter_date" DATE,
    "next_encounter_date" DATE,
    "age_years" INTEGER NOT NULL,
    "chronic" BOOLEAN NOT NULL,
    "red_flag" BOOLEAN NOT NULL,
    "cancer_history" BOOLEAN NOT NULL,
    "ladder_suspended" BOOLEAN NOT NULL,
    "opioid_listed" BOOLEAN NOT NULL,
    "opioid_ordered" BOOLEAN NOT NULL,
    "opioid_course_weeks" DOUBLE PRECISION,
    "oud_buprenorphine_only" BOOLEAN NOT NULL,
    "benzodiazepine" BOOLEAN NOT NULL,
    "mme_total" DOUBLE PRECISION,
    "mme_computed" DOUBLE PRECISION NOT NULL,
    "naloxone_on_hand" BOOLEAN,
    "pdmp_days_ago" DOUBLE PRECISION,
    "urine_drug_test_days_ago" DOUBLE PRECISION,
    "non_drug_history" BOOLEAN NOT NULL,
    "non_drug_current" BOOLEAN NOT NULL,
    "non_drug_started" BOOLEAN NOT NULL,
    "imaging_ordered" BOOLEAN NOT NULL,

    CONSTRAINT "encounter_fact_pkey" PRIMARY KEY ("encounter_id")
);

-- CreateIndex
CREATE INDEX "encounter_fact_organization_id_encounter_date_idx" ON "encounter_fact"("organization_id", "encounter_date");

-- CreateIndex
CREATE INDEX "encounter_fact_patient_id_encounter_date_idx" ON "encounter_fact"("patient_id", "encounter_date");

-- AddForeignKey
ALTER TABLE "encounter_fact" ADD CONSTRAINT "encounter_fact_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
