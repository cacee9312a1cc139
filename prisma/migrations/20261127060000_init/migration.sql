-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "GuidelineProfile" AS ENUM ('us', 'uk');

-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('primary_care', 'pt_clinic');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('clinician', 'physical_therapist', 'auditor', 'admin');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('female', 'male', 'other', 'unknown');

-- CreateEnum
CREATE TYPE "EncounterStatus" AS ENUM ('draft', 'signed');

-- CreateEnum
CREATE TYPE "DecisionTarget" AS ENUM ('suggestion', 'alert', 'avoid');

-- CreateEnum
CREATE TYPE "DecisionResponse" AS ENUM ('accepted', 'declined', 'acknowledged', 'overridden');

-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('medication', 'imaging', 'injection', 'specialist_referral', 'pt_referral');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('active', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('new', 'accepted', 'scheduled', 'in_progress', 'discharged', 'declined');

-- CreateEnum
CREATE TYPE "ReferralPriority" AS ENUM ('routine', 'soon', 'urgent');

-- CreateEnum
CREATE TYPE "OutcomePhase" AS ENUM ('intake', 'mid_program', 'discharge');

-- CreateEnum
CREATE TYPE "TreatmentSource" AS ENUM ('encounter', 'referral');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('success', 'failure', 'denied');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "guideline_profile" "GuidelineProfile" NOT NULL DEFAULT 'us',
    "pt_visit_limit" INTEGER NOT NULL DEFAULT 20,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SiteKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "site_id" UUID,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credential" (
    "user_id" UUID NOT NULL,
    "password_hash" TEXT NOT NULL,
    "password_updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credential_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "patient" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "mrn" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encounter" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "site_id" UUID,
    "date" DATE NOT NULL,
    "status" "EncounterStatus" NOT NULL DEFAULT 'draft',
    "assessment" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "signed_at" TIMESTAMPTZ(3),
    "signed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "encounter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encounter_addendum" (
    "id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "encounter_addendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation" (
    "id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "contract_version" TEXT NOT NULL,
    "ruleset_version" TEXT NOT NULL,
    "profile" "GuidelineProfile" NOT NULL,
    "suspended" BOOLEAN NOT NULL,
    "step" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "target" "DecisionTarget" NOT NULL,
    "item_key" TEXT NOT NULL,
    "severity" TEXT,
    "response" "DecisionResponse" NOT NULL,
    "reason_code" TEXT,
    "comment" TEXT,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinical_order" (
    "id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "ordered_by_id" UUID NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'active',
    "code" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinical_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "referring_clinician_id" UUID NOT NULL,
    "to_site_id" UUID NOT NULL,
    "therapist_id" UUID,
    "status" "ReferralStatus" NOT NULL DEFAULT 'new',
    "priority" "ReferralPriority" NOT NULL DEFAULT 'routine',
    "classification" JSONB NOT NULL,
    "covered_visits_left" INTEGER,
    "decline_reason" TEXT,
    "discharge" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pt_visit" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "therapist_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "attended" BOOLEAN NOT NULL,
    "notes" TEXT,
    "adherence_percent" INTEGER,
    "pain_score" INTEGER,
    "outcome_phase" "OutcomePhase",
    "peg" JSONB,
    "odi" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pt_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "treatment_course" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "therapy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_on" DATE,
    "ended_on" DATE,
    "weeks" DOUBLE PRECISION,
    "sessions" INTEGER,
    "adherence_percent" INTEGER,
    "response" TEXT,
    "source" "TreatmentSource" NOT NULL,
    "source_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "treatment_course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_user_id" UUID,
    "actor_role" "Role",
    "organization_id" UUID,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "patient_id" UUID,
    "source_address" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE INDEX "site_organization_id_kind_idx" ON "site"("organization_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organization_id_role_idx" ON "app_user"("organization_id", "role");

-- CreateIndex
CREATE INDEX "app_user_site_id_idx" ON "app_user"("site_id");

-- CreateIndex
CREATE INDEX "patient_organization_id_family_name_given_name_idx" ON "patient"("organization_id", "family_name", "given_name");

-- CreateIndex
CREATE UNIQUE INDEX "patient_organization_id_mrn_key" ON "patient"("organization_id", "mrn");

-- CreateIndex
CREATE INDEX "encounter_organization_id_date_idx" ON "encounter"("organization_id", "date");

-- CreateIndex
CREATE INDEX "encounter_patient_id_date_idx" ON "encounter"("patient_id", "date");

-- CreateIndex
CREATE INDEX "encounter_clinician_id_date_idx" ON "encounter"("clinician_id", "date");

-- CreateIndex
CREATE INDEX "encounter_site_id_idx" ON "encounter"("site_id");

-- CreateIndex
CREATE INDEX "encounter_signed_by_id_idx" ON "encounter"("signed_by_id");

-- CreateIndex
CREATE INDEX "encounter_status_idx" ON "encounter"("status");

-- CreateIndex
CREATE INDEX "encounter_addendum_encounter_id_idx" ON "encounter_addendum"("encounter_id");

-- CreateIndex
CREATE INDEX "encounter_addendum_author_id_idx" ON "encounter_addendum"("author_id");

-- CreateIndex
CREATE INDEX "recommendation_encounter_id_created_at_idx" ON "recommendation"("encounter_id", "created_at");

-- CreateIndex
CREATE INDEX "recommendation_ruleset_version_idx" ON "recommendation"("ruleset_version");

-- CreateIndex
CREATE INDEX "decision_encounter_id_idx" ON "decision"("encounter_id");

-- CreateIndex
CREATE INDEX "decision_recommendation_id_idx" ON "decision"("recommendation_id");

-- CreateIndex
CREATE INDEX "decision_decided_by_id_decided_at_idx" ON "decision"("decided_by_id", "decided_at");

-- CreateIndex
CREATE INDEX "decision_item_key_response_idx" ON "decision"("item_key", "response");

-- CreateIndex
CREATE INDEX "clinical_order_encounter_id_idx" ON "clinical_order"("encounter_id");

-- CreateIndex
CREATE INDEX "clinical_order_patient_id_ordered_at_idx" ON "clinical_order"("patient_id", "ordered_at");

-- CreateIndex
CREATE INDEX "clinical_order_ordered_by_id_idx" ON "clinical_order"("ordered_by_id");

-- CreateIndex
CREATE INDEX "clinical_order_kind_code_ordered_at_idx" ON "clinical_order"("kind", "code", "ordered_at");

-- CreateIndex
CREATE INDEX "referral_to_site_id_status_created_at_idx" ON "referral"("to_site_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "referral_organization_id_idx" ON "referral"("organization_id");

-- CreateIndex
CREATE INDEX "referral_patient_id_idx" ON "referral"("patient_id");

-- CreateIndex
CREATE INDEX "referral_encounter_id_idx" ON "referral"("encounter_id");

-- CreateIndex
CREATE INDEX "referral_referring_clinician_id_idx" ON "referral"("referring_clinician_id");

-- CreateIndex
CREATE INDEX "referral_therapist_id_idx" ON "referral"("therapist_id");

-- CreateIndex
CREATE INDEX "pt_visit_referral_id_date_idx" ON "pt_visit"("referral_id", "date");

-- CreateIndex
CREATE INDEX "pt_visit_therapist_id_idx" ON "pt_visit"("therapist_id");

-- CreateIndex
CREATE INDEX "treatment_course_patient_id_therapy_idx" ON "treatment_course"("patient_id", "therapy");

-- CreateIndex
CREATE INDEX "treatment_course_source_id_idx" ON "treatment_course"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_organization_id_at_idx" ON "audit_event"("organization_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_actor_user_id_at_idx" ON "audit_event"("actor_user_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_patient_id_at_idx" ON "audit_event"("patient_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_action_at_idx" ON "audit_event"("action", "at");

-- AddForeignKey
ALTER TABLE "site" ADD CONSTRAINT "site_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential" ADD CONSTRAINT "credential_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_signed_by_id_fkey" FOREIGN KEY ("signed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_addendum" ADD CONSTRAINT "encounter_addendum_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_addendum" ADD CONSTRAINT "encounter_addendum_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_order" ADD CONSTRAINT "clinical_order_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_order" ADD CONSTRAINT "clinical_order_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_order" ADD CONSTRAINT "clinical_order_ordered_by_id_fkey" FOREIGN KEY ("ordered_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_referring_clinician_id_fkey" FOREIGN KEY ("referring_clinician_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_to_site_id_fkey" FOREIGN KEY ("to_site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pt_visit" ADD CONSTRAINT "pt_visit_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pt_visit" ADD CONSTRAINT "pt_visit_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "treatment_course" ADD CONSTRAINT "treatment_course_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit trail is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
