/**
 * Demo province for `npm start` and the tests: "Tỉnh An Khánh" is fictional; codes use the
 * national electronic-code shape with the made-up province part H99.
 * Since 1/7/2025 local government has two levels (province, commune); one former district is kept
 * because provinces' legacy data still has them.
 */
export const DEMO_PASSWORD = 'motcua2026';

export interface DemoAgency { code: string; name: string; kind: 'province' | 'department' | 'district' | 'commune' | 'branch'; parent?: string; tags?: string[] }
export interface DemoUser { username: string; fullName: string; agency: string; roles: string[]; email?: string; phone?: string }

export const demoAgencies: DemoAgency[] = [
  { code: '000.00.00.H99', name: 'UBND tỉnh An Khánh', kind: 'province' },
  { code: '000.00.10.H99', name: 'Sở Nông nghiệp và Môi trường tỉnh An Khánh', kind: 'department', parent: '000.00.00.H99', tags: ['land_authority'] },
  { code: '000.01.10.H99', name: 'Văn phòng Đăng ký đất đai tỉnh An Khánh', kind: 'branch', parent: '000.00.10.H99', tags: ['land_registry'] },
  { code: '000.00.11.H99', name: 'Sở Tài chính tỉnh An Khánh', kind: 'department', parent: '000.00.00.H99' },
  { code: '000.00.12.H99', name: 'Sở Tư pháp tỉnh An Khánh', kind: 'department', parent: '000.00.00.H99' },
  { code: '000.02.11.H99', name: 'Thuế tỉnh An Khánh', kind: 'branch', parent: '000.00.11.H99', tags: ['tax'] },
  { code: '000.20.00.H99', name: 'UBND huyện Đông Sơn (dữ liệu trước 01/7/2025)', kind: 'district', parent: '000.00.00.H99' },
  { code: '000.31.01.H99', name: 'UBND phường An Khánh', kind: 'commune', parent: '000.00.00.H99' },
  { code: '000.31.02.H99', name: 'UBND xã Tân Lập', kind: 'commune', parent: '000.00.00.H99' },
  { code: '000.31.03.H99', name: 'UBND xã Đông Sơn', kind: 'commune', parent: '000.00.00.H99' },
];

export const demoUsers: DemoUser[] = [
  { username: 'mc.admin', fullName: 'Quản trị hệ thống', agency: '000.00.00.H99', roles: ['admin'] },
  { username: 'mc.designer', fullName: 'Nguyễn Thị Thiết Kế', agency: '000.00.00.H99', roles: ['designer'] },
  { username: 'motcua.xa1', fullName: 'Trần Thị Một Cửa', agency: '000.31.01.H99', roles: ['desk'], phone: '0912000001' },
  { username: 'tuphap.xa1', fullName: 'Lê Văn Tư Pháp', agency: '000.31.01.H99', roles: ['specialist'] },
  { username: 'hotich.xa1', fullName: 'Đặng Thị Hộ Tịch', agency: '000.31.01.H99', roles: ['specialist'] },
  { username: 'chutich.xa1', fullName: 'Phạm Văn Chủ Tịch', agency: '000.31.01.H99', roles: ['leader'] },
  { username: 'motcua.xa2', fullName: 'Đỗ Thị Tiếp Nhận', agency: '000.31.02.H99', roles: ['desk'] },
  { username: 'chuyenvien.xa2', fullName: 'Hoàng Văn Chuyên Viên', agency: '000.31.02.H99', roles: ['specialist'] },
  { username: 'lanhdao.xa2', fullName: 'Vũ Thị Lãnh Đạo', agency: '000.31.02.H99', roles: ['leader'] },
  { username: 'chuyenvien.vpdk', fullName: 'Ngô Văn Địa Chính', agency: '000.01.10.H99', roles: ['specialist'] },
  { username: 'giamdoc.vpdk', fullName: 'Bùi Thị Giám Đốc', agency: '000.01.10.H99', roles: ['leader'] },
  { username: 'motcua.vpdk', fullName: 'Đinh Văn Tiếp Nhận', agency: '000.01.10.H99', roles: ['desk'] },
  { username: 'chuyenvien.thue', fullName: 'Mai Thị Thuế', agency: '000.02.11.H99', roles: ['specialist'] },
  { username: 'lanhdao.snnmt', fullName: 'Cao Văn Giám Đốc Sở', agency: '000.00.10.H99', roles: ['leader'] },
];
