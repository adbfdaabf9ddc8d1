// widget.js: defines <ai-factory-assistant> and adds one to the page, configured by the script tag's data attributes.
import { AssistantWidget } from './element.ts';
import css from './widget.css';

const TAG = 'ai-factory-assistant';
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

function mount() {
  if (!customElements.get(TAG)) {
    // A constructed sheet, not a <style> element: style-src 'self' forbids inline styles, not adopted sheets.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    AssistantWidget.sheet = sheet;
    customElements.define(TAG, AssistantWidget);
  }
  if (document.querySelector(TAG)) return;
  const widget = document.createElement(TAG);
  const src = script?.src ? new URL(script.src, location.href) : new URL(location.href);
  widget.dataset.api = script?.dataset.api ?? src.origin;
  if (script?.dataset.lang) widget.dataset.lang = script.dataset.lang;
  if (script?.dataset.assistant) widget.dataset.assistant = script.dataset.assistant;
  if (script?.dataset.theme) widget.dataset.theme = script.dataset.theme;
  document.body.append(widget);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
