// The bot's command menus, registered at start with setMyCommands, in Vietnamese (language_code vi)
// and English (default). The commands themselves, and their wording, are the core's
// (src/answer/question-commands.ts, src/admin/commands.ts).
import { ADMIN_COMMANDS } from '../../src/admin/commands.ts';
import { OTHER_COMMANDS, QUESTION_COMMANDS } from '../../src/answer/question-commands.ts';

/** The lists for setMyCommands: one per language, English the default. */
export function commandMenus(): { vi: { command: string; description: string }[]; en: { command: string; description: string }[] } {
  // Admin commands stay out of the menu, except those anyone may run.
  const open = ADMIN_COMMANDS.filter((c) => c.access === 'anyone');
  const vi = [
    ...OTHER_COMMANDS.map((c) => ({ command: c.name, description: c.description.vi })),
    ...QUESTION_COMMANDS.map((c) => ({ command: c.names[0], description: c.description.vi })),
    ...open.map((c) => ({ command: c.names.vi, description: c.description.vi })),
  ];
  const en = [
    ...OTHER_COMMANDS.map((c) => ({ command: c.name, description: c.description.en })),
    ...QUESTION_COMMANDS.map((c) => ({ command: c.names[1], description: c.description.en })),
    ...open.map((c) => ({ command: c.names.en, description: c.description.en })),
  ];
  return { vi, en };
}
