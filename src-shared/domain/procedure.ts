/** Administrative procedure (thủ tục hành chính, TTHC) as the counter needs it. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.[A-Z0-9]+)?$/;

/** Processing limit unit: working days, working hours or settled the same day. */
export type LimitUnit = 'workingDays' | 'workingHours' | 'sameDay';

export interface ProcedureComponent {
  /** Component id within the procedure (mã thành phần hồ sơ). */
  id: string;
  name: string;
  form: 'original' | 'copy' | 'certifiedCopy' | 'originalOrCopy';
  quantity: number;
}

export interface Procedure {
  /** Procedure code (mã TTHC), e.g. 2.000815. */
  code: string;
  name: string;
  /** Field (lĩnh vực). */
  field: string;
  limit: { unit: LimitUnit; value: number };
  components: ProcedureComponent[];
  /** Fee in VND; a textual note where the fee depends on the case. */
  fee: { amountVnd: number; note?: string };
  paperResult: boolean;
}
