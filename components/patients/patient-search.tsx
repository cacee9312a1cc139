import { Button } from "@/components/ui/button";

/** A plain GET form: works without JavaScript, and the URL keeps the search for the back button. */
export function PatientSearch({ initialQuery }: { initialQuery: string }) {
  return (
    <form role="search" action="/patients" className="mb-4 flex gap-2">
      <label htmlFor="q" className="sr-only">
        Search by name or MRN
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={initialQuery}
        placeholder="Search by name or MRN"
        autoFocus
        className="w-full max-w-md rounded-md border border-line bg-white px-3 py-2 text-sm"
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
