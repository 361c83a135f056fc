import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitizeBatch } from '../../../src-shared/contract/digitize';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { componentReady, pagesOf } from '../../digitize/pages';
import { saveComponentPdf } from '../../digitize/save-pdf';
import { useWorkspace } from '../../workspace-context';
import type { ComponentOption } from './PageRow';
import { VaultPdfLink } from './VaultPdfLink';

/** "Lưu PDF" for each component that has pages: enabled once all of them are read. */
export function ComponentPdfs({ dossier, batch, components, run }: { dossier: DossierDoc; batch: DigitizeBatch; components: ComponentOption[]; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; name: string; sha256: string } | null>(null);
  const withPages = components.filter((c) => pagesOf(batch, c.id).length > 0);

  const save = (component: ComponentOption) =>
    run(async () => {
      setSaving(component.id);
      setSaved(null);
      try {
        const { file, pdf } = await saveComponentPdf(ws, dossier, batch.id, component);
        const confidence = pdf.confidence === null ? t('scan.pdf.noConfidence') : `${Math.round(pdf.confidence)} %`;
        setSaved({ text: t('scan.pdf.saved', { name: file.name, pages: pdf.pages, confidence }), name: file.name, sha256: file.sha256 });
      } finally {
        setSaving(null);
      }
    });

  if (withPages.length === 0 && !saved) return null;
  return (
    <section aria-labelledby="pdf-title" data-testid="component-pdfs">
      <h4 id="pdf-title">{t('scan.pdf.title')}</h4>
      {saved && (
        <p className="actions">
          <span role="status" className="ok" data-testid="pdf-saved">
            {saved.text}
          </span>
          <VaultPdfLink sha256={saved.sha256} name={saved.name} />
        </p>
      )}
      {withPages.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th>{t('scan.pdf.component')}</th>
              <th>{t('scan.pdf.pages')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {withPages.map((c) => {
              const pages = pagesOf(batch, c.id);
              const ready = componentReady(batch, c.id);
              return (
                <tr key={c.id || 'other'} data-component-id={c.id}>
                  <td>{c.name}</td>
                  <td>
                    {t('scan.pdf.pageCount', { done: pages.filter((p) => p.state === 'done').length, count: pages.length })}
                    {!ready && <div className="muted">{t('scan.pdf.notReady')}</div>}
                  </td>
                  <td>
                    <button type="button" aria-label={t('scan.pdf.saveFor', { component: c.name })} disabled={!ready || saving !== null} onClick={() => void save(c)}>
                      {saving === c.id ? t('scan.pdf.saving') : t('scan.pdf.save')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
