-- CreateTable
CREATE TABLE "measure_case" (
    "measure" INTEGER NOT NULL,
    "encounter_id" UUID NOT NULL,
    "case_key" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "site_id" UUID,
    "case_date" DATE NOT NULL,
    "next_encounter_date" DATE,
    "numerator" BOOLEAN NOT NULL,
    "excluded" TEXT,
    "flag" BOOLEAN,
    "category" TEXT,

    CONSTRAINT "measure_case_pkey" PRIMARY KEY ("measure","encounter_id","case_key")
);

-- CreateTable
CREATE TABLE "measure_case_build" (
    "version" INTEGER NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "measure_case_build_pkey" PRIMARY KEY ("version")
);

-- CreateIndex
CREATE INDEX "measure_case_period_idx" ON "measure_case"("organization_id", "measure", "case_date", "encounter_id", "case_key", "patient_id", "clinician_id", "site_id", "next_encounter_date", "numerator", "excluded", "flag", "category");

-- CreateIndex
CREATE INDEX "measure_case_patient_id_idx" ON "measure_case"("patient_id");
