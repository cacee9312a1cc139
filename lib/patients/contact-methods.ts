// The ways a patient may prefer to be reached about appointments, as the forms and the referral name them.
export const CONTACT_METHODS = { phone: "Phone call", text: "Text message", email: "Email", mail: "Letter" } as const;
export type ContactMethod = keyof typeof CONTACT_METHODS;
