-- CreateTable
CREATE TABLE "measure_pending" (
    "id" BIGSERIAL NOT NULL,
    "patient_id" UUID NOT NULL,

    CONSTRAINT "measure_pending_pkey" PRIMARY KEY ("id")
);
