import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../src-shared/contract/documents';
import { useWorkspace } from '../workspace-context';
import { buildDossierForm, type DossierFormKind } from './dossier-forms';
import { pdfUrl, showPdf } from './show-pdf';

/**
 * Prints one form of a dossier. The PDF is built on the workstation (no network); once built, a
 * download link to the same file stays next to the button.
 */
export function PrintButton({ dossier, form, autoFocus }: { dossier: DossierDoc; form: DossierFormKind; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (file && URL.revokeObjectURL(file.url)), [file]);

  async function print() {
    setBusy(true);
    setError(null);
    try {
      const bytes = await buildDossierForm(ws, form, dossier);
      const title = `${t(`forms.${form}`)} ${dossier.code || dossier.applicant.name}`;
      setFile({ url: pdfUrl(bytes), name: `${form}-${dossier.code || dossier.id}.pdf` });
      await showPdf(title, bytes);
    } catch (e) {
      setError(t('forms.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="print">
      <button type="button" onClick={() => void print()} disabled={busy} autoFocus={autoFocus} data-testid={`print-${form}`}>
        {t('forms.print', { form: t(`forms.${form}`) })}
      </button>
      {file && (
        <a href={file.url} download={file.name} data-testid={`download-${form}`}>
          {t('forms.download')}
        </a>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
