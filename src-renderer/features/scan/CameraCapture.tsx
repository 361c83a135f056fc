import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraError, captureJpeg, closeCamera, hasCamera, openCamera, type CameraProblem } from '../../digitize/camera';

/**
 * "Chụp bằng camera": a live preview and a capture button. Without a camera, or when the camera is
 * refused, the button goes and a short message says why.
 */
export function CameraCapture({ onCapture, disabled }: { onCapture: (jpeg: Blob) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let live = true;
    void hasCamera().then((yes) => live && setAvailable(yes));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
    return () => closeCamera(stream);
  }, [stream]);

  async function start() {
    try {
      setStream(await openCamera());
    } catch (error) {
      setProblem(error instanceof CameraError ? error.problem : 'failed');
    }
  }

  async function capture() {
    if (!video.current) return;
    try {
      const jpeg = await captureJpeg(video.current);
      setStream(null);
      onCapture(jpeg);
    } catch {
      setProblem('failed');
    }
  }

  if (available === null) return null;
  if (!available || problem) {
    return (
      <span className="muted" data-testid="camera-unavailable">
        {t(`scan.camera.${available ? problem : 'none'}`)}
      </span>
    );
  }
  if (!stream) {
    return (
      <button type="button" className="secondary" disabled={disabled} onClick={() => void start()}>
        {t('scan.camera.take')}
      </button>
    );
  }
  return (
    <div className="camera">
      <video ref={video} autoPlay playsInline muted aria-label={t('scan.camera.preview')} />
      <div className="actions">
        <button type="button" onClick={() => void capture()}>
          {t('scan.camera.capture')}
        </button>
        <button type="button" className="secondary" onClick={() => setStream(null)}>
          {t('scan.camera.close')}
        </button>
      </div>
    </div>
  );
}
