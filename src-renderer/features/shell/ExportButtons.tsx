import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfUrl, showPdf } from '../../print/show-pdf';

/** What one export makes: a PDF (also shown for printing, under `title`) or any other file. */
export type ExportFile = { pdf: Uint8Array; title: string } | { blob: Blob };

export const csvBlob = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

/**
 * One button per format, then a download link to the file last made and the error if making it
 * failed. Test ids: `<testId>-<kind>` on the buttons, `download-<testId>-<kind>` on the link.
 */
export function ExportButtons<K extends string>({
  formats,
  testId,
  fileName,
  build,
}: {
  formats: readonly { kind: K; label: string }[];
  testId: string;
  fileName: (kind: K) => string;
  build: (kind: K) => Promise<ExportFile>;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ url: string; name: string; kind: K } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportAs(kind: K) {
    setBusy(true);
    setError(null);
    try {
      const name = fileName(kind);
      if (file) URL.revokeObjectURL(file.url);
      const made = await build(kind);
      if ('pdf' in made) {
        setFile({ url: pdfUrl(made.pdf), name, kind });
        await showPdf(made.title, made.pdf);
      } else {
        setFile({ url: URL.createObjectURL(made.blob), name, kind });
      }
    } catch (e) {
      setError(t('forms.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="actions">
      {formats.map(({ kind, label }) => (
        <button key={kind} type="button" className="secondary" onClick={() => void exportAs(kind)} disabled={busy} data-testid={`${testId}-${kind}`}>
          {label}
        </button>
      ))}
      {file && (
        <a href={file.url} download={file.name} data-testid={`download-${testId}-${file.kind}`}>
          {t('forms.download')} ({file.name})
        </a>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
