import { describe, expect, it } from 'vitest';
import {
  launcherStrings,
  resolveLanguage,
  widgetStrings,
  widgetText,
  WIDGET_LANGUAGES,
} from './i18n';

describe('widget languages', () => {
  it('follows the page language when the widget speaks it', () => {
    expect(resolveLanguage(['fr-FR', 'en'], WIDGET_LANGUAGES)).toBe('fr');
  });

  it('falls back to the store default, then to English', () => {
    expect(resolveLanguage(['de', 'fr'], WIDGET_LANGUAGES)).toBe('fr');
    expect(resolveLanguage(['de', null], WIDGET_LANGUAGES)).toBe('en');
  });

  it('ships every interface string in French as well as English', () => {
    for (const key of Object.keys(widgetStrings.en) as (keyof typeof widgetStrings.en)[]) {
      expect(widgetStrings.fr[key]).toBeTruthy();
    }
    for (const key of Object.keys(launcherStrings.en) as (keyof typeof launcherStrings.en)[]) {
      expect(launcherStrings.fr[key]).toBeTruthy();
    }
  });

  it('fills placeholders such as the unread count', () => {
    expect(widgetText('fr', 'unread', { count: 3 })).toBe('3 messages non lus');
  });
});
