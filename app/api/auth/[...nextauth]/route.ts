import { handleAuthGet, handleAuthPost } from "@/lib/auth/credentials-route";

export { handleAuthGet as GET, handleAuthPost as POST };
