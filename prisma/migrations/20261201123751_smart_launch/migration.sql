-- AlterTable
ALTER TABLE "encounter" ADD COLUMN     "ehr_source" JSONB;

-- CreateTable
CREATE TABLE "ehr_user_link" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "fhir_user" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ehr_user_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ehr_patient_link" (
    "issuer" TEXT NOT NULL,
    "fhir_patient_id" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ehr_patient_link_pkey" PRIMARY KEY ("issuer","fhir_patient_id","organization_id")
);

-- CreateTable
CREATE TABLE "smart_launch" (
    "state" TEXT NOT NULL,
    "binding_hash" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "auth_issuer" TEXT NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "token_endpoint" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "smart_launch_pkey" PRIMARY KEY ("state")
);

-- CreateIndex
CREATE INDEX "ehr_user_link_organization_id_idx" ON "ehr_user_link"("organization_id");

-- CreateIndex
CREATE INDEX "ehr_user_link_user_id_idx" ON "ehr_user_link"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "ehr_user_link_issuer_fhir_user_key" ON "ehr_user_link"("issuer", "fhir_user");

-- CreateIndex
CREATE INDEX "ehr_patient_link_patient_id_idx" ON "ehr_patient_link"("patient_id");

-- CreateIndex
CREATE INDEX "smart_launch_created_at_idx" ON "smart_launch"("created_at");

-- AddForeignKey
ALTER TABLE "ehr_user_link" ADD CONSTRAINT "ehr_user_link_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ehr_user_link" ADD CONSTRAINT "ehr_user_link_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ehr_patient_link" ADD CONSTRAINT "ehr_patient_link_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ehr_patient_link" ADD CONSTRAINT "ehr_patient_link_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
