/** What the digitize bench's parts hand each other (the page set, the two sides' results). */
import type { PageClass } from '../../support/digitize/pages';

export interface BenchPage {
  /** e.g. `serif-2.png` */
  name: string;
  cls: PageClass;
  file: string;
  truth: string;
}

export interface PageSet {
  dir: string;
  pages: BenchPage[];
}

export interface OurPageResult {
  name: string;
  cls: PageClass;
  /** Character error rate of the corrected text, 0–1. */
  cer: number;
  /** The same before the Vietnamese post-correction (words' `ocrText`). */
  rawCer: number;
  confidence: number;
  rotation: number;
  skewDegrees: number;
  correctedWords: number;
  prepareMs: number;
  ocrMs: number;
}

/** This pipeline, run in its own process as the CLI would be. */
export interface OurRun {
  poolSize: number;
  /** warm(): the OCR workers started and the model loaded, before any page. */
  warmMs: number;
  /** All pages through prepare + recognize, after the warm-up. */
  wallMs: number;
  /** CPU of the whole process (every thread) over the pages, after the warm-up. */
  cpuMs: number;
  /** CPU of preparing every page again, one at a time with the OCR idle: preprocessing's share. */
  prepareCpuMs: number;
  /** Largest process RSS sampled every 100 ms, warm-up included. */
  peakRssMiB: number;
  /** The kernel's high-water mark of the process RSS (VmHWM), for comparison. */
  hwmMiB: number;
  /** RSS once the modules are loaded, before the engine starts. */
  rssBeforeMiB: number;
  pages: OurPageResult[];
}

export interface NativePageResult {
  name: string;
  cls: PageClass;
  cer: number;
  /** Mean word confidence from the TSV output. */
  confidence: number;
  /** User + system CPU of the process (from /usr/bin/time), null without it. */
  cpuMs: number | null;
}

/** Debian's `tesseract` CLI over the same files. */
export interface NativeRun {
  label: string;
  /** Processes at once. */
  parallel: number;
  /** OMP_THREAD_LIMIT given, or 'default'. */
  threads: string;
  /** Which vie.traineddata: Debian's (tessdata_fast) or the app's (tessdata_best integer). */
  model: string;
  /** How the CER table names this side. */
  cerLabel: string;
  wallMs: number;
  /** Largest sum of the running tesseract processes' RSS, sampled every 100 ms. */
  peakMiB: number;
  cpuMs: number | null;
  pages: NativePageResult[];
}
