/** Start and finish of every builder: template, document, page flow, heading, footers, metadata. */
import type { FormKind, FormTemplate, RegimeInfo } from './templates';
import { REGIMES, formTemplate } from './templates';
import type { FormBaseInput } from './types';
import { createFormDocument, saveFormDocument } from './layout/document';
import { A4_LANDSCAPE, A4_PORTRAIT, Flow } from './layout/flow';
import { stampFooters } from './layout/footer';
import { drawFormLabel, drawNationalHeader, drawTitle, type LeftExtra } from './layout/header';

export interface FormContext {
  template: FormTemplate;
  regime: RegimeInfo;
  flow: Flow;
}

/** Looks the template up first, so an impossible form fails before any work is done. */
export async function startForm(input: FormBaseInput, kind: FormKind): Promise<FormContext> {
  const template = formTemplate(input.regime, kind, input.templateVersion);
  const { doc, fonts } = await createFormDocument(input.fonts);
  const flow = new Flow(doc, fonts, template.orientation === 'landscape' ? A4_LANDSCAPE : A4_PORTRAIT);
  return { template, regime: REGIMES[template.regime], flow };
}

/** Form label, national heading and title. */
export function drawFormTop(ctx: FormContext, input: FormBaseInput, options: { dateLine?: string; leftExtra?: LeftExtra } = {}): void {
  drawFormLabel(ctx.flow, ctx.template);
  drawNationalHeader(ctx.flow, input.agency, options);
  drawTitle(ctx.flow, ctx.template.title);
}

/** "GIẤY TIẾP NHẬN …" → "Giấy tiếp nhận …". */
export function sentenceCase(title: string): string {
  const lower = title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export async function finishForm(
  ctx: FormContext,
  input: FormBaseInput,
  meta: { about: string; keywords?: string[]; pageNumbers?: boolean },
): Promise<Uint8Array> {
  const { flow, template, regime } = ctx;
  stampFooters(flow, { version: template.version, pageNumbers: meta.pageNumbers ?? flow.pages.length > 1 });
  return saveFormDocument(flow.doc, {
    title: `${sentenceCase(template.title)} – ${meta.about}`,
    subject: `${template.label} (${regime.circular}; ${regime.decree})`,
    author: input.agency.name,
    keywords: [template.label, `mẫu in ${template.version}`, regime.circular, ...(meta.keywords ?? [])],
    printedAt: input.printedAt,
  });
}
