/** National Public Service Portal status codes (DESIGN §4) with the words shown to people. */
export const STATUS = {
  NEW: 1, ACCEPTED: 2, NOT_ACCEPTED: 3, PROCESSING: 4, SUPPLEMENT_REQUESTED: 5, FINANCIAL_OBLIGATION: 6,
  WITHDRAWN: 7, STOPPED: 8, PROCESSED: 9, RETURNED: 10,
} as const;

const labels: Record<number, string> = {
  1: 'Mới tiếp nhận', 2: 'Đã tiếp nhận', 3: 'Không tiếp nhận', 4: 'Đang xử lý', 5: 'Yêu cầu bổ sung hồ sơ',
  6: 'Chờ thực hiện nghĩa vụ tài chính', 7: 'Công dân rút hồ sơ', 8: 'Dừng xử lý', 9: 'Đã có kết quả, chờ trả', 10: 'Đã trả kết quả',
};

export const statusView = (code: number) => ({ code, label: labels[code] ?? `Trạng thái ${code}` });
