// Tool escalate_to_staff: the model hands the conversation to a person when the visitor wants one or the
// documentation cannot help; the tool puts it in the staff queue and returns what to tell the visitor.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { EscalatedAction } from '../chat/events.ts';
import type { HandoverPorts } from '../staff/handover.ts';
import type { StaffHours } from '../staff/hours.ts';
import { handOverToStaff } from '../staff/notice.ts';
import type { ToolContext } from './context.ts';

export const EscalateToStaffInput = z.object({
  reason: z.enum(['asked_for_person', 'not_in_documentation', 'complaint', 'personal_case']).describe('Why a person should take over'),
});

export type EscalateToStaffOptions = {
  conversationId: string;
  ports: HandoverPorts & { hours: StaffHours; notifyByEmail?: boolean };
  /** The notice for the visitor, and the action that switches the widget to its waiting state. */
  escalated: (handed: { text: string; action: EscalatedAction }) => void;
};

export function escalateToStaffTool(options: EscalateToStaffOptions) {
  return (context: ToolContext) =>
    tool(
      async () => {
        const handed = await handOverToStaff(options.ports, options.conversationId, 'tool', options.ports.i18n.forLang(context.lang));
        options.escalated(handed);
        return `The conversation is now in the staff queue. Tell the user, in their language, exactly this: ${handed.text}`;
      },
      {
        name: 'escalate_to_staff',
        description:
          'Hand the conversation to a member of the AI Factory staff: when the user asks for a person, or the documentation cannot answer and the user needs help. Call it once; then tell the user what the result says.',
        schema: EscalateToStaffInput,
      },
    );
}
