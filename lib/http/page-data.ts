import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError, type FieldIssue } from "@/lib/errors";

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

/** Loads one record by the id in the address: an id that cannot be one (malformed) is a record that does not exist, a 404. */
export async function recordPageData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await pageData(load);
  } catch (error) {
    if (isAppError(error) && error.code === "invalid-input") notFound();
    throw error;
  }
}

/** Like pageData, but input the page was given (its query string) that fails validation comes back as field issues to show. */
export async function pageDataOrIssues<T>(load: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; issues: FieldIssue[] }> {
  try {
    return { ok: true, data: await pageData(load) };
  } catch (error) {
    if (isAppError(error) && error.code === "invalid-input") return { ok: false, issues: error.issues };
    throw error;
  }
}
