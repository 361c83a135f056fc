/**
 * A page or an ID card photographed with the counter's camera (webcam, document camera): a frame
 * of the live video, taken as a JPEG. Everything stays on this machine.
 */

export type CameraProblem = 'none' | 'refused' | 'failed';

export class CameraError extends Error {
  override name = 'CameraError';
  constructor(readonly problem: CameraProblem) {
    super(`camera: ${problem}`);
  }
}

/** Whether the machine has a camera at all (asked before any permission prompt). */
export async function hasCamera(): Promise<boolean> {
  if (!navigator.mediaDevices?.enumerateDevices || !navigator.mediaDevices.getUserMedia) return false;
  try {
    return (await navigator.mediaDevices.enumerateDevices()).some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}

/** Opens the camera, preferring a rear camera at document resolution. */
export async function openCamera(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 3840 }, height: { ideal: 2160 } },
      audio: false,
    });
  } catch (error) {
    const name = (error as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('refused');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CameraError('none');
    throw new CameraError('failed');
  }
}

export function closeCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** The frame the video shows now, at the camera's full resolution. */
export function captureJpeg(video: HTMLVideoElement, quality = 0.92): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) return Promise.reject(new CameraError('failed'));
  context.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new CameraError('failed'))), 'image/jpeg', quality));
}

/** `camera-20250314-091502.jpg`: a name the clerk recognises in the batch list. */
export function cameraFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `camera-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.jpg`;
}
