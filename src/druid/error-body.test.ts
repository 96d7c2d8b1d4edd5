import { describe, expect, it } from 'vitest';
import { describeErrorBody } from './error-body.ts';

const JSON_TYPE = 'application/json';

describe('describeErrorBody', () => {
  it('passes plain text through', () => {
    const text =
      "Invalid request payload. Specify either 'interval' or 'segmentIds', but not both. Optionally, include 'versions' only when 'interval' is provided.";
    expect(describeErrorBody(text, 'text/plain', 400)).toBe(text);
    expect(describeErrorBody('Cannot find any task with id: [abc]', null, 400)).toBe(
      'Cannot find any task with id: [abc]',
    );
    expect(describeErrorBody('I am not leader', 'text/plain;charset=utf-8', 503)).toBe('I am not leader');
  });

  it('reads {"error"} and {"message"}', () => {
    expect(describeErrorBody('{"error":"Rules cannot be null."}', JSON_TYPE, 400)).toBe('Rules cannot be null.');
    expect(describeErrorBody('{"error":"Cluster-level rules cannot be empty."}', JSON_TYPE, 400)).toBe(
      'Cluster-level rules cannot be empty.',
    );
    expect(describeErrorBody('{"message":"Cannot find segment ids [a, b]"}', JSON_TYPE, 404)).toBe(
      'Cannot find segment ids [a, b]',
    );
  });

  it('combines {"error","message"} without repeating generic codes', () => {
    expect(
      describeErrorBody('{"error":"Server error","message":"java.lang.RuntimeException: boom"}', JSON_TYPE, 500),
    ).toBe('java.lang.RuntimeException: boom');
    expect(describeErrorBody('{"error":"Exception occurred.","message":"disk full"}', JSON_TYPE, 500)).toBe(
      'Exception occurred. disk full',
    );
    expect(describeErrorBody('{"error":"Unable to load","message":"disk full"}', JSON_TYPE, 500)).toBe(
      'Unable to load: disk full',
    );
  });

  it('prefers errorMessage in DruidException’s ErrorResponse', () => {
    const body = JSON.stringify({
      error: 'druidException',
      errorCode: 'invalidInput',
      persona: 'USER',
      category: 'INVALID_INPUT',
      errorMessage: 'Invalid limit[-1] specified. Limit must be > 0.',
      context: {},
    });
    expect(describeErrorBody(body, JSON_TYPE, 400)).toBe('Invalid limit[-1] specified. Limit must be > 0.');
  });

  it('falls back to error when errorMessage is null (the 401 QueryInterruptedException shape)', () => {
    const body = '{"error":"Unauthorized","errorMessage":null,"errorClass":null,"host":null}';
    expect(describeErrorBody(body, JSON_TYPE, 401)).toBe('Unauthorized');
  });

  it('reads the 403 Access-Check-Result', () => {
    const body = '{"Access-Check-Result":"Allowed:false, Message:"}';
    expect(describeErrorBody(body, JSON_TYPE, 403)).toBe('Access denied: Allowed:false, Message:');
  });

  it('reads JSON sent with the wrong content type, and a bare JSON string', () => {
    expect(describeErrorBody('{"error":"No Task IDs provided."}', 'text/plain', 400)).toBe('No Task IDs provided.');
    expect(describeErrorBody('"Something failed"', JSON_TYPE, 500)).toBe('Something failed');
  });

  it('falls back to the status for empty bodies and unhelpful JSON', () => {
    expect(describeErrorBody('', null, 404, 'Not Found')).toBe('404 Not Found');
    expect(describeErrorBody('  \n', null, 500, '')).toBe('500 Internal Server Error');
    expect(describeErrorBody('', null, 599)).toBe('HTTP 599');
    expect(describeErrorBody('{}', JSON_TYPE, 500)).toBe('500 Internal Server Error');
    expect(describeErrorBody('{"error":""}', JSON_TYPE, 400, 'Bad Request')).toBe('400 Bad Request');
  });

  it('extracts the message of a Jetty 9.4 error page, as text', () => {
    const html = `<html>
<head>
<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
<title>Error 500 org.apache.druid.error.DruidException: Bad interval[2015/2014]: [The end instant must be greater than the start instant]</title>
</head>
<body><h2>HTTP ERROR 500 org.apache.druid.error.DruidException: Bad interval[2015/2014]: [The end instant must be greater than the start instant]</h2>
<table>
<tr><th>URI:</th><td>/druid/coordinator/v1/datasources/wiki/intervals/2015_2014</td></tr>
<tr><th>STATUS:</th><td>500</td></tr>
<tr><th>MESSAGE:</th><td>javax.servlet.ServletException: org.apache.druid.error.DruidException: Bad interval[2015/2014]: [The end instant must be greater than the start instant]</td></tr>
<tr><th>SERVLET:</th><td>org.eclipse.jetty.servlet.ServletHolder$1-1d2a4a4d</td></tr>
</table>
<hr><a href="https://eclipse.org/jetty">Powered by Jetty:// 9.4.54.v20240208</a><hr/>
</body>
</html>`;
    expect(describeErrorBody(html, 'text/html;charset=iso-8859-1', 500)).toBe(
      'Bad interval[2015/2014]: [The end instant must be greater than the start instant]',
    );
  });

  it('extracts the reason of an older Jetty page and decodes entities', () => {
    const html = `<html><head><title>Error 500 </title></head><body><h2>HTTP ERROR: 500</h2>
<p>Problem accessing /druid/coordinator/v1/datasources. Reason:
<pre>    java.lang.IllegalArgumentException: Bad &lt;input&gt; &amp; more</pre></p>
<hr /><i><small>Powered by Jetty://</small></i></body></html>`;
    expect(describeErrorBody(html, 'text/html', 500)).toBe('Bad <input> & more');
  });

  it('uses the title of a page without a message, and never returns HTML', () => {
    const html = '<html><head><title>Error 401 Unauthorized</title></head><body><h2>HTTP ERROR 401</h2></body></html>';
    expect(describeErrorBody(html, 'text/html', 401)).toBe('Error 401 Unauthorized');
    const serverError =
      '<html><head><title>Error 500 Server Error</title></head><body><h2>HTTP ERROR 500</h2><script>alert(1)</script></body></html>';
    expect(describeErrorBody(serverError, 'text/html', 500)).toBe('Error 500 Server Error');
    const empty = '<html><body><h2>HTTP ERROR 502</h2></body></html>';
    expect(describeErrorBody(empty, null, 502, 'Bad Gateway')).toBe('502 Bad Gateway');
    const proxyPage =
      '<!DOCTYPE html><html><body><script>alert(1)</script><h1>HTTP ERROR 504</h1><p>upstream timed out</p><p>nginx</p></body></html>';
    expect(describeErrorBody(proxyPage, 'text/html', 504)).toBe('upstream timed out');
  });

  it('keeps long messages to one bounded line', () => {
    const long = `first line\n${'x'.repeat(5000)}`;
    const described = describeErrorBody(long, 'text/plain', 500);
    expect(described.length).toBe(1000);
    expect(described.startsWith('first line x')).toBe(true);
  });
});
