// The widget's strings: the `widget` namespace of locales/ (without the server-rendered pages' keys) and the AI
// notice from `chat`. The build replaces this module with the same object, trimmed, so the bundle holds no page copy.
import en from '../../locales/en/widget.json' with { type: 'json' };
import fr from '../../locales/fr/widget.json' with { type: 'json' };
import de from '../../locales/de/widget.json' with { type: 'json' };
import lb from '../../locales/lb/widget.json' with { type: 'json' };
import enChat from '../../locales/en/chat.json' with { type: 'json' };
import frChat from '../../locales/fr/chat.json' with { type: 'json' };
import deChat from '../../locales/de/chat.json' with { type: 'json' };
import lbChat from '../../locales/lb/chat.json' with { type: 'json' };

/** Keys of widget.json that only the server-rendered pages use. */
export const PAGE_KEYS = ['demo', 'edu'] as const;

type WidgetJson = typeof en;
const forWidget = (widget: WidgetJson, chat: { ai_notice: string }) => {
  const { demo: _demo, edu: _edu, ...strings } = widget;
  return { widget: strings, chat: { ai_notice: chat.ai_notice } };
};

export const widgetResources = {
  en: forWidget(en, enChat),
  fr: forWidget(fr, frChat),
  de: forWidget(de, deChat),
  lb: forWidget(lb, lbChat),
};
