-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('booked', 'no_show', 'cancelled');

-- CreateEnum
CREATE TYPE "NoShowFollowUp" AS ENUM ('call', 'reschedule', 'discharge');

-- CreateTable
CREATE TABLE "pt_appointment" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "therapist_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "time" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL DEFAULT 45,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'booked',
    "follow_up" "NoShowFollowUp",
    "booked_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pt_appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pt_appointment_therapist_id_date_idx" ON "pt_appointment"("therapist_id", "date");

-- CreateIndex
CREATE INDEX "pt_appointment_referral_id_date_idx" ON "pt_appointment"("referral_id", "date");

-- CreateIndex
CREATE INDEX "pt_appointment_booked_by_id_idx" ON "pt_appointment"("booked_by_id");

-- AddForeignKey
ALTER TABLE "pt_appointment" ADD CONSTRAINT "pt_appointment_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pt_appointment" ADD CONSTRAINT "pt_appointment_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pt_appointment" ADD CONSTRAINT "pt_appointment_booked_by_id_fkey" FOREIGN KEY ("booked_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
