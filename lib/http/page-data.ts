import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Loads a page's data, turning access errors into the matching page: 403, 404 or the sign-in page. */
export async function pageData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "forbidden") forbidden();
      if (error.code === "not-found") notFound();
      if (error.code === "unauthenticated") redirect("/sign-in");
    }
    throw error;
  }
}
