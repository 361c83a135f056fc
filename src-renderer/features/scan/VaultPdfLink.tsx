import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktop } from '../../bridge';
import { base64ToBytes } from '../../bridge/base64';
import { pdfUrl } from '../../print/show-pdf';

/** A download link to a PDF in the workstation's vault (read once, when shown). */
export function VaultPdfLink({ sha256, name }: { sha256: string; name: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    desktop()
      .invoke('vault.read', { sha256 })
      .then(({ bytesBase64 }) => {
        if (!live) return;
        made = pdfUrl(base64ToBytes(bytesBase64));
        setUrl(made);
      })
      .catch(() => undefined); // the link simply does not appear; the file is listed anyway
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  if (!url) return null;
  return (
    <a href={url} download={name} data-testid="download-scanned-pdf">
      {t('forms.download')}
    </a>
  );
}
