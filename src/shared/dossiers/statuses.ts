// Dossier statuses: ours, and the ten national codes they map to (REGULATIONS.md §5.4).

export const DOSSIER_STATUSES = [
  'submitted',
  'refused_at_intake',
  'received',
  'in_progress',
  'awaiting_supplement',
  'awaiting_payment',
  'approved',
  'result_ready',
  'returned',
  'withdrawn',
  'stopped',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** National status codes (DVCQG): 1 Mới đăng ký … 10 Đã trả kết quả. */
export const NATIONAL_STATUS_NAMES = {
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
} as const;
export type NationalStatusCode = keyof typeof NATIONAL_STATUS_NAMES;

export const NATIONAL_STATUS: Record<DossierStatus, NationalStatusCode> = {
  submitted: 1,
  received: 2,
  refused_at_intake: 3,
  in_progress: 4,
  approved: 4,
  awaiting_supplement: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

export const STATUS_LABELS: Record<DossierStatus, { vi: string; en: string }> = {
  submitted: { vi: 'Mới đăng ký, chờ tiếp nhận', en: 'Submitted, awaiting acceptance' },
  refused_at_intake: { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  awaiting_supplement: { vi: 'Chờ bổ sung hồ sơ', en: 'Awaiting supplement' },
  awaiting_payment: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment' },
  approved: { vi: 'Đã phê duyệt, chờ phát hành kết quả', en: 'Approved, awaiting issue' },
  result_ready: { vi: 'Đã có kết quả, chờ trả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  withdrawn: { vi: 'Công dân đã rút hồ sơ', en: 'Withdrawn by the applicant' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
};

/** Statuses in which processing has ended (for on-time classification: the end of the clock). */
export const FINISHED_STATUSES: readonly DossierStatus[] = ['refused_at_intake', 'result_ready', 'returned', 'withdrawn', 'stopped'];
