-- CreateTable
CREATE TABLE "measure_month" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "measure" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "next_month" DATE,
    "clinician_id" UUID NOT NULL,
    "site_id" UUID,
    "category" TEXT,
    "excluded" TEXT,
    "numerator" BOOLEAN NOT NULL,
    "flag" BOOLEAN,
    "cases" INTEGER NOT NULL,

    CONSTRAINT "measure_month_pkey" PRIMARY KEY ("id")
);

-- NULLS NOT DISTINCT: a case without a site, category, exclusion, flag or next month adds to one row, not a new one
-- each time (PostgreSQL 15 or later).
CREATE UNIQUE INDEX "measure_month_key" ON "measure_month"("organization_id", "measure", "month", "next_month", "clinician_id", "site_id", "category", "excluded", "numerator", "flag") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "measure_case_organization_id_measure_next_encounter_date_idx" ON "measure_case"("organization_id", "measure", "next_encounter_date");
