"use server";

import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { acknowledgeCaseReview, reviewCase } from "@/lib/measures/case-reviews-data";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export async function reviewCaseAction(input: { measureId: string; encounterId: string; caseKey: string; finding: string; comment: string; sendToClinician: boolean }): Promise<ActionResult> {
  try {
    await reviewCase(await requireApiActor(), input);
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath(`/measures/${input.measureId}`);
  revalidatePath("/reviews");
  return { ok: true };
}

export async function acknowledgeReviewAction(input: { reviewId: string; reply: string }): Promise<ActionResult> {
  try {
    await acknowledgeCaseReview(await requireApiActor(), input);
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/reviews");
  return { ok: true };
}
