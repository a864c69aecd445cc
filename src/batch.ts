// `ask --batch` input: one question per line, or a JSON line {"conversation": "<id>", "q": "<text>"}.
// Lines with the same conversation id form one conversation, in order; plain lines stand alone.
import { z } from 'zod';

const ConversationLine = z.object({ conversation: z.union([z.string(), z.number()]).transform(String), q: z.string() });

export interface BatchQuestion {
  q: string;
  /** The conversation the line belongs to, if it names one. */
  conversation?: string;
}

export function readBatchLine(line: string): BatchQuestion {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = ConversationLine.safeParse(JSON.parse(trimmed));
      if (parsed.success) return { q: parsed.data.q, conversation: parsed.data.conversation };
    } catch {
      // Not JSON after all: a question that starts with a brace is still a question.
    }
  }
  return { q: line };
}
