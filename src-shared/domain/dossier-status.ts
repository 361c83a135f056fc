/**
 * Dossier status codes used when syncing to the national portal (TrangThaiHoSo, DOMAIN.md §4).
 * "Overdue" is deliberately not a status: it is computed from dates.
 */
export const DOSSIER_STATUS = {
  registered: 1, // Mới đăng ký
  received: 2, // Được tiếp nhận
  notReceived: 3, // Không được tiếp nhận
  processing: 4, // Đang xử lý
  supplementRequested: 5, // Yêu cầu bổ sung giấy tờ
  feeRequested: 6, // Yêu cầu thực hiện nghĩa vụ tài chính
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
  processed: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
} as const;

export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];

export const DOSSIER_STATUS_CODES = Object.values(DOSSIER_STATUS) as DossierStatus[];

/** Channel of submission (KenhThucHien): 1 in person, 2 online, 3 public postal service. */
export const CHANNEL = { inPerson: 1, online: 2, postal: 3 } as const;
export type Channel = (typeof CHANNEL)[keyof typeof CHANNEL];

/** Official Vietnamese names of the status codes (used in messages and printed forms). */
export const STATUS_NAME_VI: Readonly<Record<DossierStatus, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export const STATUS_NAME_EN: Readonly<Record<DossierStatus, string>> = {
  1: 'Registered',
  2: 'Received',
  3: 'Not received (refused)',
  4: 'Being processed',
  5: 'Supplement requested',
  6: 'Fee requested',
  7: 'Withdrawn by the applicant',
  8: 'Processing stopped',
  9: 'Processed',
  10: 'Result returned',
};
