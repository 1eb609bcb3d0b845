import { describe, expect, it } from 'vitest';
import { skipEveryNone } from './render-envelope-module.ts';

describe('skipEveryNone', () => {
  it('gives every Option field skip_serializing_if once', () => {
    const rust = [
      '    /// Kept for logs.',
      '    pub raw: Option<serde_json::Value>,',
      '    #[serde(skip_serializing_if = "Option::is_none")]',
      '    pub doc_url: Option<String>,',
      '    pub params: HashMap<String, Option<serde_json::Value>>,',
    ].join('\n');
    expect(skipEveryNone(rust)).toBe(
      [
        '    /// Kept for logs.',
        '    #[serde(skip_serializing_if = "Option::is_none")]',
        '    pub raw: Option<serde_json::Value>,',
        '    #[serde(skip_serializing_if = "Option::is_none")]',
        '    pub doc_url: Option<String>,',
        '    pub params: HashMap<String, Option<serde_json::Value>>,',
      ].join('\n'),
    );
  });
});
