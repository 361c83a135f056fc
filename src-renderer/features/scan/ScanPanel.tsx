import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { addCameraFrame, addFiles, type AddOutcome } from '../../digitize/batch-actions';
import { batchIdForDossier } from '../../digitize/batch-id';
import { useBatch } from '../../digitize/batch-store';
import { cameraFileName } from '../../digitize/camera';
import { ErrorAlert } from '../shell/ErrorAlert';
import { SCAN_ACCEPT } from './accepted';
import { BatchList } from './BatchList';
import { CameraCapture } from './CameraCapture';
import { ComponentPdfs } from './ComponentPdfs';
import { FilePicker } from './FilePicker';
import { InboxTake } from './InboxTake';
import { PageDetail } from './PageDetail';
import { ScannerControls } from './ScannerControls';
import './scan.css';
import { useScanText } from './use-scan-text';
import { ComponentSelect } from './ComponentSelect';

interface Notice {
  ok: boolean;
  text: string;
}

/**
 * Digitising one dossier (số hoá hồ sơ): pages come in by file (picker or drop), scanner, camera or
 * the watched folder's inbox, are read on this machine, checked, ordered, and saved per component
 * as searchable PDFs among the dossier's files.
 */
export function ScanPanel({ dossier, componentId, onClose }: { dossier: DossierDoc; componentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useScanText();
  const batchId = batchIdForDossier(dossier.id);
  const { batch, error } = useBatch(batchId);
  const [target, setTarget] = useState(componentId);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [adding, setAdding] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const components = [...dossier.components.map((c) => ({ id: c.id, name: c.name })), { id: '', name: t('scan.other') }];

  useEffect(() => heading.current?.focus(), []);

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (e) {
        setNotices([{ ok: false, text: t('scan.failed', { message: (e as Error).message }) }]);
      }
    },
    [t],
  );

  const report = (outcome: AddOutcome) =>
    setNotices([...(outcome.added > 0 ? [{ ok: true, text: t('scan.added', { count: outcome.added }) }] : []), ...outcome.refused.map((r) => ({ ok: false, text: text.refusal(r) }))]);

  const add = (work: () => Promise<AddOutcome>) =>
    run(async () => {
      setAdding(true);
      setNotices([{ ok: true, text: t('scan.adding') }]);
      try {
        report(await work());
      } finally {
        setAdding(false);
      }
    });

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !adding) void add(() => addFiles(batchId, target, files));
  }

  const selected = batch?.pages.find((p) => p.id === selectedId) ?? null;

  return (
    <section
      className={dragging ? 'scan-panel dragging' : 'scan-panel'}
      aria-labelledby="scan-panel-title"
      data-testid="scan-panel"
      data-batch-id={batchId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div className="title-row">
        <h3 id="scan-panel-title" tabIndex={-1} ref={heading}>
          {t('scan.panelTitle', { code: dossier.code || dossier.applicant.name })}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('scan.close')}
        </button>
      </div>
      <div className="row">
        <ComponentSelect label={t('scan.addTo')} name="scan-component" value={target} onChange={setTarget} components={components} />
      </div>
      <div className="actions">
        <FilePicker label={t('scan.chooseFiles')} ariaLabel={t('scan.chooseFilesLabel')} accept={SCAN_ACCEPT} multiple disabled={adding} onFiles={(files) => void add(() => addFiles(batchId, target, files))} />
        <CameraCapture disabled={adding} onCapture={(jpeg) => void add(() => addCameraFrame(batchId, target, jpeg, cameraFileName(new Date())))} />
      </div>
      <p className="muted">{t('scan.dropHint')}</p>
      <div aria-live="polite" data-testid="scan-notices">
        {notices.map((n, i) =>
          n.ok ? (
            <p key={i} className="ok">
              {n.text}
            </p>
          ) : (
            <ErrorAlert key={i} message={n.text} />
          ),
        )}
      </div>
      <ScannerControls batchId={batchId} componentId={target} onScanned={report} run={run} />
      <InboxTake batchId={batchId} components={components} componentId={target} run={run} onTaken={(count) => setNotices([{ ok: true, text: t('scan.inbox.taken', { count }) }])} />
      {error && <ErrorAlert message={t('scan.loadFailed', { message: error })} />}
      {batch && (
        <>
          <BatchList
            batch={batch}
            components={components}
            selectedId={selectedId}
            onSelect={(id) => setSelectedId(id === selectedId ? null : id)}
            run={run}
            onCancelled={(count) => setNotices([{ ok: true, text: t('scan.list.cancelled', { count }) }])}
          />
          {selected && <PageDetail batchId={batchId} page={selected} n={batch.pages.indexOf(selected) + 1} onClose={() => setSelectedId(null)} />}
          <ComponentPdfs dossier={dossier} batch={batch} components={components} run={run} />
        </>
      )}
    </section>
  );
}
