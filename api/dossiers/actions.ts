/** Words for the history of a dossier. */
const labels: Record<string, string> = {
  received: 'Tiếp nhận hồ sơ',
  step_entered: 'Chuyển đến bước',
  step_completed: 'Hoàn thành bước',
  step_cancelled: 'Hủy bước',
  timer_fired: 'Đến hạn hẹn giờ',
  returned: 'Kết thúc quy trình – trả kết quả',
};
const decisions: Record<string, string> = { approve: 'đồng ý', reject: 'từ chối' };

export function actionLabel(action: string, data?: Record<string, unknown> | null): string {
  const base = labels[action] ?? action;
  const decision = typeof data?.decision === 'string' ? decisions[data.decision] : undefined;
  return decision ? `${base} (${decision})` : base;
}
