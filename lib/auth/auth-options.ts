import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/audit-log";
import { authenticate } from "./authenticate";
import { requestAddress } from "./request-address";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  "code-required": "CodeRequired",
  "invalid-code": "InvalidCode",
  throttled: "Throttled",
} as const;

// The token carries only who signed in and when; role and active flag are re-read on every request.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
      async authorize(credentials, req) {
        const result = await authenticate(db(), credentials, requestAddress(req.headers ?? {}));
        if (result.ok) return { id: result.userId };
        throw new Error(SIGN_IN_ERRORS[result.reason]);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.signedInAt = token.seenAt = Date.now();
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      const userId = token?.sub;
      if (!userId) return;
      const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, role: true, organizationId: true } });
      if (!user) return;
      // The token itself cannot be recalled, so signing out moves the person's cut-off: a copy of this cookie (or any
      // other session of theirs) no longer opens anything.
      await db().$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { sessionsValidAfter: new Date() } });
        await recordAudit(tx, { actor: { userId: user.id, role: user.role, organizationId: user.organizationId }, action: "auth.sign-out", outcome: "success" });
      });
    },
  },
};
