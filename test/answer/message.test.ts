// From a raw message to the questions in it (src/answer/understand/message.ts), and how engine.ask
// answers them: two questions in one sentence or two, a pasted letter that ends in its question,
// markup copied from a web page, and at most MAX_PARTS answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../src/answer/conversation.ts';
import type { Engine } from '../../src/answer/engine.ts';
import type { Answer } from '../../src/answer/types.ts';
import { MAX_PARTS, questionsIn } from '../../src/answer/understand/message.ts';
import { AGREEMENT_DIR, shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const ids = (a: Answer) => a.items.map((i) => i.id);
const partIds = (a: Answer) => (a.parts ?? []).map(ids);

describe('two questions in one sentence: "A, and B?"', () => {
  const message = "Who chairs the People's Committee in Bắc Giang, and who chairs the People's Council in Thái Nguyên?";

  it('is read as two questions, in order', () => {
    expect(questionsIn(message)).toEqual([
      "Who chairs the People's Committee in Bắc Giang",
      "who chairs the People's Council in Thái Nguyên?",
    ]);
  });

  it('answers both, in order, each naming its own holder', () => {
    const a = engine.ask(message);
    expect(a.found).toBe(true);
    expect(a.parts).toHaveLength(2);
    expect(partIds(a)).toEqual([['le-anh-duong'], ['pham-hoang-son']]);
    expect(a.parts?.[0]?.headline).toContain('Lê Ánh Dương');
    expect(a.parts?.[1]?.headline).toContain('Phạm Hoàng Sơn');
    // The wrapper holds no items of its own: the answers are in the parts.
    expect(a.items).toEqual([]);
  });

  it('splits "A là ai, và B là ai?" in Vietnamese the same way', () => {
    const a = engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai, và Chủ tịch HĐND tỉnh Thái Nguyên là ai?');
    expect(partIds(a)).toEqual([['le-anh-duong'], ['pham-hoang-son']]);
  });

  it('splits "A và B?" when each half asks something of its own', () => {
    expect(questionsIn('Ai ký biên bản và ký ở đâu?')).toEqual(['Ai ký biên bản', 'ký ở đâu?']);
    const a = engine.ask('Ai ký biên bản và ký ở đâu?');
    expect(a.parts).toHaveLength(2);
    expect(ids(a.parts?.[0] as Answer)).toEqual(expect.arrayContaining(['btv-tu-bg', 'btv-tu-tn']));
    expect(a.parts?.[1]?.headline).toContain('29/3/2023');
  });
});

describe('a comma that does not split', () => {
  it('"Biên bản được ký khi nào, ở đâu?" is one question: its second piece has nothing of its own', () => {
    expect(questionsIn('Biên bản được ký khi nào, ở đâu?')).toEqual(['Biên bản được ký khi nào, ở đâu?']);
    const a = engine.ask('Biên bản được ký khi nào, ở đâu?');
    expect(a.parts).toBeUndefined();
    expect(a).toMatchObject({ intent: 'agreement', found: true });
    // One answer with both the date and the place.
    expect(a.headline).toContain('29/3/2023');
    expect(a.headline).toContain('Bắc Giang');
  });

  it('"Theo biên bản, ai phụ trách cầu Hòa Sơn?" is one question: its first piece asks nothing', () => {
    expect(questionsIn('Theo biên bản, ai phụ trách cầu Hòa Sơn?')).toHaveLength(1);
    const a = engine.ask('Theo biên bản, ai phụ trách cầu Hòa Sơn?');
    expect(a.parts).toBeUndefined();
    expect(a.intent).toBe('responsibility');
    expect(ids(a)[0]).toBe('C19');
  });
});

describe('"A? Còn B?"', () => {
  it('answers the second question as the first one asked of B', () => {
    const message = 'Chủ tịch UBND tỉnh Bắc Giang là ai? Còn Thái Nguyên?';
    expect(questionsIn(message)).toEqual(['Chủ tịch UBND tỉnh Bắc Giang là ai?', 'Còn Thái Nguyên?']);
    const a = engine.ask(message);
    expect(partIds(a)).toEqual([['le-anh-duong'], ['trinh-viet-hung']]);
    expect(a.parts?.[1]?.headline).toContain('Trịnh Việt Hùng');
    expect(a.parts?.[1]?.resolved).toMatch(/Chủ tịch UBND tỉnh Thái Nguyên/);
  });

  it('"A? Còn <a question of its own>?" answers that question, not A of B', () => {
    const a = engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai? Còn Chủ tịch HĐND tỉnh Thái Nguyên là ai?');
    expect(partIds(a)).toEqual([['le-anh-duong'], ['pham-hoang-son']]);
  });

  it('in a conversation, both parts are remembered, and a later follow-up leans on the last', () => {
    const c = new Conversation();
    engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai? Còn Thái Nguyên?', {}, c);
    expect(c.turns.map((t) => t.text)).toEqual(['Chủ tịch UBND tỉnh Bắc Giang là ai?', 'Chủ tịch UBND tỉnh Thái Nguyên là ai?']);
    const next = engine.ask('Ông ấy còn giữ chức vụ gì?', {}, c);
    expect(ids(next)).toEqual(['trinh-viet-hung']);
  });

  it('the parts of a message without a conversation leave nothing behind', () => {
    engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai? Còn Thái Nguyên?');
    const c = new Conversation();
    expect(ids(engine.ask('Ông ấy còn giữ chức vụ gì?', {}, c))).not.toEqual(['trinh-viet-hung']);
  });

  // The message is English; its second part is answered in Vietnamese ("Chủ tịch UBND tỉnh: …, dòng 4").
  it('an English "A? And B?" answers both parts in English', () => {
    const a = engine.ask("Who chairs the Bac Giang People's Committee? And Thai Nguyen?");
    expect(partIds(a)).toEqual([['le-anh-duong'], ['trinh-viet-hung']]);
    expect(a.parts?.map((p) => p.lang)).toEqual(['en', 'en']);
  });
});

describe('a long pasted message', () => {
  // About 1,570 characters of an office note: statements only, no question word, no request.
  const CONTEXT = [
    'Văn phòng Tỉnh ủy đang tổng hợp tài liệu phục vụ cuộc họp giao ban tuần tới.',
    'Nội dung chính xoay quanh việc triển khai chương trình phối hợp, liên kết phát triển giữa hai tỉnh Bắc Giang và Thái Nguyên giai đoạn 2023-2025.',
    'Đây là văn bản quan trọng, được lãnh đạo hai tỉnh ký tại thành phố Bắc Giang vào cuối tháng 3 năm 2023.',
    'Theo tinh thần văn bản, hai địa phương thống nhất tăng cường hợp tác toàn diện trên các lĩnh vực.',
    'Các lĩnh vực gồm quy hoạch, giao thông, công nghiệp, thương mại, du lịch, nông nghiệp, giáo dục, y tế, văn hóa, quốc phòng và an ninh.',
    'Trong lĩnh vực giao thông, hai tỉnh cùng đề nghị Bộ Giao thông vận tải nâng cấp tuyến QL17 và xây cầu mới thay ngầm Tam Kha.',
    'Hai tỉnh cũng đẩy nhanh việc xây dựng tuyến đường và cầu Hòa Sơn nối huyện Hiệp Hòa với thị xã Phổ Yên.',
    'Trong lĩnh vực công nghiệp, các doanh nghiệp vệ tinh của Tập đoàn SamSung tại hai tỉnh tiếp tục được tạo điều kiện thuận lợi.',
    'Về du lịch, hai tỉnh phối hợp xây dựng sản phẩm du lịch chung, quảng bá hình ảnh điểm đến của mỗi địa phương.',
    'Lực lượng công an và quân sự hai tỉnh phối hợp giữ vững an ninh chính trị, trật tự an toàn vùng giáp ranh.',
    'Các sở, ngành chức năng của hai tỉnh tham mưu triển khai nội dung đã thống nhất.',
    'Văn phòng sẽ chuẩn bị một bản tóm tắt ngắn gọn, trình lãnh đạo trước ngày họp.',
    'Tài liệu kèm theo gồm bài viết đăng trên cổng thông tin điện tử của tỉnh và danh sách đại biểu dự lễ ký.',
    'Bản tóm tắt dự kiến dài hai trang, trình bày theo mẫu thống nhất của Văn phòng.',
    'Phòng Tổng hợp phụ trách rà soát số liệu, Phòng Hành chính phụ trách in ấn và gửi tài liệu.',
  ].join(' ');

  it('is answered from the question it ends in', () => {
    expect(CONTEXT.length).toBeGreaterThan(1_500);
    const message = `${CONTEXT}\n${'Chủ tịch UBND tỉnh Thái Nguyên là ai?'}`;
    expect(questionsIn(message)).toEqual(['Chủ tịch UBND tỉnh Thái Nguyên là ai?']);
    const a = engine.ask(message);
    expect(a.parts).toBeUndefined();
    expect(a).toMatchObject({ intent: 'role', found: true });
    expect(ids(a)).toEqual(['trinh-viet-hung']);
  });

  it('is answered from its question when the question is on the same line as the context', () => {
    const a = engine.ask(`${CONTEXT} Vậy ai phụ trách cầu Hòa Sơn?`);
    expect(a.parts).toBeUndefined();
    expect(a.intent).toBe('responsibility');
    expect(ids(a)[0]).toBe('C19');
  });

  it('with no sentence that asks, is answered from its last sentence', () => {
    const parts = questionsIn(`${CONTEXT}\nĐường sắt Kép - Lưu Xá`);
    expect(parts).toEqual(['Đường sắt Kép - Lưu Xá']);
  });

  // A pasted news article (the source's own lines 6–11) before the question: its statements hold
  // "bảo" (vệ), "kế" (hoạch), "nhiều" and "hội" (nghị), which fold like halves of question words
  // ("bao nhiêu", "liệt kê", "cho hỏi"); they must not be read as questions of their own.
  it('a pasted article ending in a question is answered from that question alone', () => {
    const article = readFileSync(join(AGREEMENT_DIR, 'source.txt'), 'utf8').split('\n').slice(5, 11).join('\n');
    expect(article.length).toBeGreaterThan(1_500);
    const a = engine.ask(`Chào bot, em dán bài báo dưới đây để anh chị tham khảo.\n${article}\nVậy Chủ tịch UBND tỉnh Thái Nguyên là ai?`);
    expect(a.parts).toBeUndefined();
    expect(ids(a)).toEqual(['trinh-viet-hung']);
  });
});

describe('markup', () => {
  const SCRIPT = '<script>document.title = "Chủ tịch HĐND tỉnh Thái Nguyên là ai?"; var ai = "who";</script>';
  const STYLE = '<style>.q::after { content: "Ai phụ trách đường sắt Kép - Lưu Xá?"; } .ai { color: red; }</style>';

  it('a short HTML question is read without its tags, scripts and styles', () => {
    const message = `<p>Chủ tịch UBND tỉnh <b>Bắc Giang</b> là ai?</p>${SCRIPT}${STYLE}`;
    expect(questionsIn(message)).toEqual(['Chủ tịch UBND tỉnh Bắc Giang là ai?']);
    const a = engine.ask(message);
    expect(a.parts).toBeUndefined();
    expect(ids(a)).toEqual(['le-anh-duong']);
  });

  it('a page of HTML is read from its question, not from the words of its scripts, styles or comments', () => {
    const page = [
      '<html><head>',
      STYLE,
      '<script type="text/javascript">function ask() { return "Ai ký biên bản? Bao giờ ký?"; }</script>',
      '</head><body><div class="wrap">',
      '<p>Kính&nbsp;gửi bộ phận hỗ trợ.</p>',
      '<p>Văn phòng đang soạn bản tóm tắt chương trình phối hợp giữa hai tỉnh Bắc Giang &amp; Thái Nguyên.</p>',
      '<!-- Ai phụ trách cầu Hòa Sơn? -->',
      SCRIPT,
      '<p>Phiền anh chị: <strong>Chủ tịch UBND tỉnh Bắc Giang là ai?</strong></p>',
      '</div></body></html>',
    ].join('\n');
    const parts = questionsIn(page);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain('Chủ tịch UBND tỉnh Bắc Giang là ai?');
    for (const p of parts) expect(p).not.toMatch(/<|>|script|style|document|Kép|Hòa Sơn|HĐND/);
    const a = engine.ask(page);
    expect(a.parts).toBeUndefined();
    expect(ids(a)).toEqual(['le-anh-duong']);
  });
});

describe('at most MAX_PARTS questions', () => {
  it('five questions in a message: the last MAX_PARTS are answered, in order', () => {
    expect(MAX_PARTS).toBe(3);
    const message = 'C18? C19? C17? C16? C20?';
    expect(questionsIn(message)).toEqual(['C17?', 'C16?', 'C20?']);
    const a = engine.ask(message);
    expect(a.parts).toHaveLength(MAX_PARTS);
    expect(partIds(a)).toEqual([['C17'], ['C16'], ['C20']]);
  });

  it('four role questions: three answers, the first question dropped', () => {
    const a = engine.ask(
      'Chủ tịch UBND tỉnh Bắc Giang là ai? Chủ tịch HĐND tỉnh Bắc Giang là ai? Chủ tịch UBND tỉnh Thái Nguyên là ai? Chủ tịch HĐND tỉnh Thái Nguyên là ai?',
    );
    expect(a.parts).toHaveLength(MAX_PARTS);
    expect(partIds(a)).toEqual([['le-thi-thu-hong'], ['trinh-viet-hung'], ['pham-hoang-son']]);
  });

  it('never more than MAX_PARTS, however many questions a long message holds', () => {
    const many = Array.from({ length: 12 }, (_, i) => `C${i + 1}?`).join(' ');
    expect(questionsIn(many).length).toBeLessThanOrEqual(MAX_PARTS);
    expect(engine.ask(many).parts?.length).toBeLessThanOrEqual(MAX_PARTS);
  });
});
