import { DialogTitle } from './headings';

/**
 * A dialog's title that names a group by its ID ("Restore Rules: web-prod (sg-…)"), with the ID
 * and the brackets around it kept whole: on a phone it moves to its own line instead of breaking
 * at its hyphen, the full ID also in its tooltip. The text stays the translated
 * sentence, so the dialog's accessible name is unchanged.
 */
export function TitleWithId({ title, id }: { title: string; id: string }) {
  const at = title.lastIndexOf(id);
  if (at < 0) return <DialogTitle>{title}</DialogTitle>;
  // Both languages bracket the ID: "(sg-…)" and "（sg-…）"; the brackets stay with it.
  const start = Math.max(0, at - 1);
  const end = Math.min(title.length, at + id.length + 1);
  return (
    <DialogTitle>
      {title.slice(0, start)}
      <span className="rr-title-id" title={id}>
        {title.slice(start, end)}
      </span>
      {title.slice(end)}
    </DialogTitle>
  );
}
