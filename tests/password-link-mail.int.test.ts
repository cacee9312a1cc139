import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { emailPasswordLink } from "../lib/mail/password-link-mail";

// A real SMTP server in the test: what Backstep sends is what a mail server receives.
const received: { to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
let smtpUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = () => ({ smtpUrl, appUrl: "https://backstep.example", from: "Backstep <no-reply@backstep.example>" });

describe("emailing a one-time password link", () => {
  it("sends the full link, to the person, over SMTP", async () => {
    const delivery = await emailPasswordLink({ name: "Noor Newcomer", email: "noor@practice.example" }, "/set-password#tokenvalue123", "invite", settings());
    expect(delivery).toBe("sent");
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["noor@practice.example"]);
    expect(mail.data).toMatch(/^Subject: Your Backstep account/m);
    expect(mail.data).toContain("https://backstep.example/set-password#tokenvalue123");
    expect(mail.data).toMatch(/^From: Backstep <no-reply@backstep\.example>/m);
  });

  it("says a reset in its own words", async () => {
    await emailPasswordLink({ name: "Ada", email: "ada@practice.example" }, "/set-password#other", "reset", settings());
    expect(received.at(-1)!.data).toMatch(/^Subject: Set a new Backstep password/m);
  });

  it("reports a server it cannot reach as failed, and no SMTP_URL as not configured, without throwing", async () => {
    expect(await emailPasswordLink({ name: "A", email: "a@practice.example" }, "/set-password#x", "invite", { ...settings(), smtpUrl: "smtp://127.0.0.1:1" })).toBe("failed");
    expect(await emailPasswordLink({ name: "A", email: "a@practice.example" }, "/set-password#x", "invite", { from: "x <x@y.z>" })).toBe("not-configured");
  });
});
