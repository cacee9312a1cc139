// npm run --silent demo:code — the demo administrator's current sign-in code, for trying Backstep without an
// authenticator app. The key is published with the demo password; it opens nothing outside demo data.
import { generate } from "otplib";
import { DEMO_ADMIN_TOTP_SECRET } from "../prisma/demo-accounts";

console.log(await generate({ secret: DEMO_ADMIN_TOTP_SECRET }));
