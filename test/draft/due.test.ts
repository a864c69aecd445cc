// Deadlines as administrative texts write them, read into the machine-readable part of `due`.
import { describe, expect, it } from 'vitest';
import { findDue } from '../../src/draft/due.ts';

const SIGNED = '2024-03-18';

describe('findDue', () => {
  it.each([
    ['hoàn thành trước ngày 31/12/2025.', 'hoàn thành trước ngày 31/12/2025', { by: '2025-12-31' }],
    ['chậm nhất ngày 30 tháng 6 năm 2024', 'chậm nhất ngày 30 tháng 6 năm 2024', { by: '2024-06-30' }],
    ['xong trước ngày 1/7/2024', 'xong trước ngày 1/7/2024', { by: '2024-06-30' }],
    ['tổ chức hội chợ trong quý III/2024.', 'trong quý III/2024', { by: '2024-09-30' }],
    ['đưa vào khai thác trong quý 4 năm 2027', 'trong quý 4 năm 2027', { by: '2027-12-31' }],
    ['trước quý II/2025', 'trước quý II/2025', { by: '2025-03-31' }],
    ['hoàn thành trong tháng 10/2025.', 'hoàn thành trong tháng 10/2025', { by: '2025-10-31' }],
    ['trước tháng 9/2024 ban hành kế hoạch', 'trước tháng 9/2024', { by: '2024-08-31' }],
    ['kết nối tuyến du lịch trong 6 tháng đầu năm 2026.', 'trong 6 tháng đầu năm 2026', { by: '2026-06-30' }],
    ['xây dựng tour trong năm 2024.', 'trong năm 2024', { by: '2024-12-31' }],
    ['trước năm 2026', 'trước năm 2026', { by: '2025-12-31' }],
    ['báo cáo trước ngày 15 tháng 12 hằng năm.', 'trước ngày 15 tháng 12 hằng năm', { by: '2024-12-15', recurring: 'yearly' }],
    ['báo cáo trước ngày 15/3 hằng năm', 'trước ngày 15/3 hằng năm', { by: '2025-03-15', recurring: 'yearly' }],
    ['tổ chức Ngày hội hằng năm.', 'hằng năm', { by: '2024-12-31', recurring: 'yearly' }],
    ['trao đổi thông tin định kỳ hằng quý.', 'định kỳ hằng quý', { by: '2024-03-31', recurring: 'quarterly' }],
    ['Báo cáo tiến độ hàng tháng.', 'hàng tháng', { by: '2024-03-31', recurring: 'monthly' }],
  ])('%s', (text, wording, expected) => {
    const d = findDue(text, SIGNED);
    expect(d).toMatchObject({ text: wording, ...expected });
    expect(text.slice(d?.at, (d?.at ?? 0) + wording.length)).toBe(wording);
    if (!('recurring' in expected)) expect(d?.recurring).toBeUndefined();
  });

  it.each([
    ['theo Nghị quyết số 11-NQ/TW ngày 10/2/2022 của Bộ Chính trị về phát triển vùng đến năm 2030, tầm nhìn đến năm 2045.'],
    ['giai đoạn 2023-2025 và những năm tiếp theo'],
    ['Hôm nay, ngày 18 tháng 3 năm 2024, tại Trụ sở'],
    ['trong năm 2023-2025'],
    ['trước ngày 31/2/2025'],
  ])('no deadline in: %s', (text) => {
    expect(findDue(text, SIGNED)).toBeUndefined();
  });
});
