-- CreateTable
CREATE TABLE "measure_target" (
    "organization_id" UUID NOT NULL,
    "measure" INTEGER NOT NULL,
    "percent" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "measure_target_pkey" PRIMARY KEY ("organization_id","measure")
);
