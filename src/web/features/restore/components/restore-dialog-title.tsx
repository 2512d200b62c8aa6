import { DialogTitle } from '../../../components/headings';
import { WholeIds } from '../../../components/whole-ids';

/**
 * The Restore Rules dialog's title with the source ID (and the brackets around it) kept whole: on a
 * phone it moves to its own line instead of breaking at its hyphen. The text stays the translated
 * sentence, so the dialog's accessible name is unchanged; the summary below shows the ID again
 * with its tooltip and copy button.
 */
export function RestoreDialogTitle({ title }: { title: string }) {
  return (
    <DialogTitle>
      <WholeIds text={title} />
    </DialogTitle>
  );
}
