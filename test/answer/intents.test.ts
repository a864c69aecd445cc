import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../src/answer/intents.ts';

const cases: [string, string, Record<string, unknown>?][] = [
  ['help', 'help'],
  ['bạn làm được gì?', 'help'],
  ['what can you do', 'help'],
  ['Biên bản ghi nhớ được ký khi nào?', 'agreement'],
  ['Ai chủ trì hội nghị?', 'agreement', { focus: 'chairs' }],
  ['ai ky ket bien ban ghi nho', 'agreement', { focus: 'signers' }],
  ['Who wrote the report?', 'agreement', { focus: 'author' }],
  ['Phía Bắc Giang có những ai dự hội nghị?', 'agreement', { focus: 'attendees' }],
  ['Ai phụ trách cầu Hòa Sơn?', 'responsibility', { subject: 'cầu Hòa Sơn' }],
  ['ai phu trach duong sat kep luu xa', 'responsibility', { subject: 'duong sat kep luu xa' }],
  ['Who is responsible for crime prevention?', 'responsibility'],
  ['who is responsble for the bridge', 'responsibility'],
  ['Công an hai tỉnh có nhiệm vụ gì?', 'duties', { subject: 'Công an hai tỉnh' }],
  ['What does the Ministry of Transport have to do?', 'duties'],
  ['cam kết về môi trường nào còn đang chờ?', 'status_list', { statuses: ['pending'] }],
  ['pending transport commitments', 'status_list', { statuses: ['pending'] }],
  ['những việc đang thực hiện', 'status_list', { statuses: ['in_progress'] }],
  ['what has been completed?', 'status_list', { statuses: ['done'] }],
  ['Dương Văn Thái là ai?', 'who', { subject: 'Dương Văn Thái' }],
  ['who is Le Anh Duong', 'who'],
  ['Phạm Hoàng Sơn giữ chức vụ gì?', 'who'],
  ['ngầm Tam Kha', 'search'],
];

describe('detectIntent', () => {
  it.each(cases)('%s → %s', (q, intent, extra) => {
    const d = detectIntent(q);
    expect(d.intent).toBe(intent);
    if (extra) expect(d).toMatchObject(extra);
  });

  it('keeps the subject as typed, diacritics included', () => {
    const d = detectIntent('Ai phụ trách vận tải đường thuỷ?');
    expect(d).toMatchObject({ intent: 'responsibility', subject: 'vận tải đường thuỷ' });
  });

  it('treats an empty question as a request for help', () => {
    expect(detectIntent('').intent).toBe('help');
    expect(detectIntent('?!…').intent).toBe('help');
  });
});
