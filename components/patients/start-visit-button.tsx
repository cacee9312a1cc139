import { startVisitAction } from "@/app/(app)/encounters/actions";
import { Button } from "@/components/ui/button";

/** A plain form posting to a server action: opens today's visit with the last visit's history carried forward. */
export function StartVisitButton({ patientId }: { patientId: string }) {
  return (
    <form action={startVisitAction.bind(null, patientId)}>
      <Button type="submit">Start visit</Button>
    </form>
  );
}
