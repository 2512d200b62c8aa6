import { DialogTitle } from '../../../components/headings';

/**
 * The Restore Rules dialog's title with the source ID (and the brackets around it) kept whole: on a
 * phone it moves to its own line instead of breaking at its hyphen. An inline span (not an
 * inline block, which adds a space to the accessible name) keeps the text the translated
 * sentence, so the dialog's accessible name is unchanged; the summary below shows the ID again
 * with its tooltip and copy button.
 */
export function RestoreDialogTitle({ title, id }: { title: string; id: string }) {
  const at = title.lastIndexOf(id);
  if (at < 0) return <DialogTitle>{title}</DialogTitle>;
  // Both languages bracket the ID: "(sg-…)" and "（sg-…）"; the brackets stay with it.
  const start = Math.max(0, at - 1);
  const end = Math.min(title.length, at + id.length + 1);
  return (
    <DialogTitle>
      {title.slice(0, start)}
      <span className="rr-nowrap">{title.slice(start, end)}</span>
      {title.slice(end)}
    </DialogTitle>
  );
}
