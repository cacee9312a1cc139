// The appointment words the clinic's screens and the data layer share.
export const NO_SHOW_FOLLOW_UPS = { call: "Call the patient", reschedule: "Offer a new appointment", discharge: "Discharge after repeated no-shows" } as const;
export type NoShowFollowUp = keyof typeof NO_SHOW_FOLLOW_UPS;
/** After this many no-shows the referral page suggests discharging. */
export const NO_SHOWS_BEFORE_DISCHARGE = 3;

export type AppointmentView = {
  id: string;
  referralId: string;
  patientName: string;
  therapistName: string;
  date: string;
  time: string;
  minutes: number;
  status: "booked" | "no_show" | "cancelled";
  followUp: NoShowFollowUp | null;
};
