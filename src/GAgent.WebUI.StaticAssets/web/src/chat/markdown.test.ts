import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('markdown rendering of model output', () => {
  it('renders markdown with highlighted code and a copy button', () => {
    const root = dom(renderMarkdown('Some **bold** text.\n\n```js\nconst x = 1;\n```'));
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('pre.code-block code.hljs .hljs-keyword')?.textContent).toBe('const');
    expect(root.querySelector('button.copy-code')?.getAttribute('aria-label')).toBe('Copy code');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '[click](vbscript:msgbox(1))',
    '![img](javascript:alert(1))',
    '<svg onload="alert(1)"></svg>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '```html\n<script>alert(1)</script>\n```',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  ])('never produces active content from %s', (source) => {
    const html = renderMarkdown(source);
    const root = dom(html);
    expect(root.querySelectorAll('script, iframe, svg, object, embed, style').length).toBe(0);
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith('on')).toBe(false);
        expect(attribute.name).not.toBe('style');
        expect(attribute.value.replace(/\s/g, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data:text\/html)/);
      }
    }
  });

  it('shows raw HTML from the model as text', () => {
    const root = dom(renderMarkdown('<b>not bold</b>'));
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>not bold</b>');
  });

  it('opens links in a new tab without an opener', () => {
    const link = dom(renderMarkdown('[docs](https://example.com/docs)')).querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/docs');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });
});
