import "server-only";
import nodemailer from "nodemailer";
import { serverEnv } from "@/lib/env";

// One-time password links by email, when SMTP_URL is configured. A failure to send never undoes the account or the
// reset: the administrator still has the link on screen. The link is never written to a log.

export type Delivery = "sent" | "not-configured" | "failed";

const SUBJECT = { invite: "Your Backstep account", reset: "Set a new Backstep password" } as const;

export type MailSettings = { smtpUrl?: string; appUrl?: string; from: string };

const configured = (): MailSettings => {
  const env = serverEnv();
  return { smtpUrl: env.SMTP_URL, appUrl: env.NEXTAUTH_URL, from: env.MAIL_FROM };
};

export async function emailPasswordLink(to: { name: string; email: string }, path: string, purpose: keyof typeof SUBJECT, settings: MailSettings = configured()): Promise<Delivery> {
  if (!settings.smtpUrl || !settings.appUrl) return "not-configured";
  const url = new URL(path, settings.appUrl).toString();
  const opening = purpose === "invite" ? "An account has been made for you in Backstep." : "Your Backstep password has been reset.";
  const text = `Hello ${to.name},\n\n${opening} Set your password here (the link works once, within 24 hours):\n\n${url}\n\nIf you did not expect this, tell your administrator.\n`;
  try {
    await nodemailer.createTransport(settings.smtpUrl).sendMail({ from: settings.from, to: { name: to.name, address: to.email }, subject: SUBJECT[purpose], text });
    return "sent";
  } catch {
    console.error(`password link email to a ${purpose === "invite" ? "new" : "reset"} account could not be sent`);
    return "failed";
  }
}
