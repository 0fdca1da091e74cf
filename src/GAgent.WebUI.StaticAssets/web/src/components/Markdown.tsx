import { memo, useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from '../chat/markdown';
import { copyText } from './copy';

/** Untrusted markdown (model output) rendered safely, with "Copy" buttons on code blocks. */
export const Markdown = memo(function Markdown({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const button = (event.target as HTMLElement).closest('button.copy-code');
    if (!button) return;
    const code = button.closest('pre')?.querySelector('code')?.textContent ?? '';
    void copyText(code).then((ok) => {
      button.textContent = ok ? 'Copied' : 'Copy failed';
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    });
  };
  // eslint-disable-next-line react/no-danger -- sanitized by renderMarkdown (markdown-it without HTML + DOMPurify)
  return <div className="markdown" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
});
