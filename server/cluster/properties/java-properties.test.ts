import { describe, expect, it } from 'vitest';
import { PropertiesSyntaxError, parseJavaProperties } from './java-properties.ts';

const parse = (text: string) => Object.fromEntries(parseJavaProperties(text));

// Expected values are what java.util.Properties.load gives for the same text.
describe('parseJavaProperties', () => {
  it('reads the three separators and skips comments and blank lines', () => {
    const text = [
      '# a comment',
      '! another comment',
      '',
      '   ',
      'druid.coordinator.kill.on=true',
      'druid.coordinator.kill.period: PT1H',
      'druid.coordinator.kill.maxSegments 500',
      '  druid.service = druid/coordinator',
    ].join('\n');
    expect(parse(text)).toEqual({
      'druid.coordinator.kill.on': 'true',
      'druid.coordinator.kill.period': 'PT1H',
      'druid.coordinator.kill.maxSegments': '500',
      'druid.service': 'druid/coordinator',
    });
  });

  it('takes one separator after blanks, keeps the rest of the value, trailing blanks included', () => {
    expect(parse('a = = b')).toEqual({ a: '= b' });
    expect(parse('a==b')).toEqual({ a: '=b' });
    expect(parse('a:=b')).toEqual({ a: '=b' });
    expect(parse('key')).toEqual({ key: '' });
    expect(parse('key=value  ')).toEqual({ key: 'value  ' });
  });

  it('joins lines ending with an odd number of backslashes, dropping the next line’s leading blanks', () => {
    expect(parse('list=a,\\\n    b,\\\r\n\tc\nnext=1')).toEqual({ list: 'a,b,c', next: '1' });
    // An even count is an escaped backslash: no continuation.
    expect(parse('path=C:\\\\\nother=2')).toEqual({ path: 'C:\\', other: '2' });
    // A continued line that starts with # is value, not comment.
    expect(parse('a=1\\\n#2')).toEqual({ a: '1#2' });
  });

  it('resolves escapes in keys and values', () => {
    expect(parse('my\\ key\\:x=tab\\there\\nnew\\u00e9\\q')).toEqual({ 'my key:x': 'tab\there\nnewéq' });
  });

  it('lets a later key win, as Properties.put does', () => {
    expect(parse('a=1\nb=2\na=3')).toEqual({ a: '3', b: '2' });
  });

  it('rejects a malformed \\u escape with its line', () => {
    expect(() => parseJavaProperties('ok=1\nbad=\\u12')).toThrow(PropertiesSyntaxError);
    expect(() => parseJavaProperties('ok=1\nbad=\\u12')).toThrow('line 2: Malformed \\uxxxx encoding.');
  });
});
