/** The member's remaining budget and cap (and the approval notice), finished on the server (lib/spending/describe-allowance.ts). */
export function SpendNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="space-y-1 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700" data-testid="spend-allowance">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
