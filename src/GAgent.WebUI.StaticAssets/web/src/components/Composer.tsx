import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { uploadMedia } from '../api/client';
import type { MediaItem } from '../api/types';
import type { Part } from '../chat/chatState';
import { Icon } from './Icon';

interface Attachment {
  key: string;
  name: string;
  preview: string | null;
  progress: number;
  item?: MediaItem;
  error?: string;
  abort?: () => void;
}

export interface ComposerHandle {
  focus: () => void;
  addFiles: (files: File[]) => void;
  /** Fills the composer (edit-and-resend). */
  fill: (text: string, attachments: Part[]) => void;
}

export interface ComposerProps {
  running: boolean;
  disabled?: boolean;
  onSend: (text: string, mediaIds: string[], attachmentParts: Part[]) => Promise<boolean>;
  onStop: () => void;
}

let counter = 0;

/** The message box: text, attachments (button, drag and drop, paste) with previews and upload progress, send and stop. */
export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer({ running, disabled, onSend, onStop }, ref) {
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const update = (key: string, change: Partial<Attachment>) =>
    setAttachments((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));

  const addFiles = (files: File[]) => {
    for (const file of files) {
      const key = `a${++counter}`;
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      const upload = uploadMedia([file], (progress) => update(key, { progress }));
      setAttachments((list) => [...list, { key, name: file.name || 'pasted image', preview, progress: 0, abort: upload.abort }]);
      upload.promise.then(
        (items) => update(key, { item: items[0], progress: 1, abort: undefined }),
        (error: Error) => update(key, { error: error.message, abort: undefined }),
      );
    }
  };

  useImperativeHandle(ref, () => ({
    focus: () => textarea.current?.focus(),
    addFiles,
    fill: (value, parts) => {
      setText(value);
      setAttachments(
        parts
          .filter((p): p is Extract<Part, { kind: 'image' | 'file' }> => (p.kind === 'image' || p.kind === 'file') && !!p.mediaId)
          .map((p) => ({
            key: `a${++counter}`,
            name: p.kind === 'file' ? (p.name ?? 'file') : 'image',
            preview: p.kind === 'image' ? p.url : null,
            progress: 1,
            item: { id: p.mediaId!, mediaType: p.mediaType ?? '', size: 0, fileName: '', sha256: '', url: p.url },
          })),
      );
      textarea.current?.focus();
    },
  }));

  useEffect(() => {
    const box = textarea.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight, 240)}px`;
  }, [text]);

  const uploading = attachments.some((a) => !a.item && !a.error);
  const ready = attachments.filter((a) => a.item);
  const canSend = !running && !disabled && !uploading && (text.trim().length > 0 || ready.length > 0);

  const send = async () => {
    if (!canSend) return;
    const parts: Part[] = ready.map((a) =>
      a.item!.mediaType.startsWith('image/') || (a.preview && !a.item!.mediaType)
        ? { kind: 'image', url: a.item!.url || a.preview!, mediaType: a.item!.mediaType, mediaId: a.item!.id }
        : { kind: 'file', url: a.item!.url, mediaType: a.item!.mediaType, mediaId: a.item!.id, name: a.name },
    );
    const previous = { text, attachments };
    setText('');
    setAttachments([]);
    const ok = await onSend(previous.text.trim(), ready.map((a) => a.item!.id), parts);
    if (!ok) {
      setText(previous.text);
      setAttachments(previous.attachments);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length > 0) {
      event.preventDefault();
      addFiles(files);
    }
  };

  const remove = (attachment: Attachment) => {
    attachment.abort?.();
    setAttachments((list) => list.filter((a) => a.key !== attachment.key));
  };

  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); void send(); }} aria-label="Send a message">
      {attachments.length > 0 && (
        <ul className="pending-attachments" aria-label="Attachments">
          {attachments.map((a) => (
            <li key={a.key} className={a.error ? 'failed' : ''} data-testid="pending-attachment">
              {a.preview ? <img src={a.preview} alt={a.name} /> : <span className="file-icon"><Icon name="file" /></span>}
              <span className="attachment-name">{a.error ?? a.name}</span>
              {!a.item && !a.error && (
                <progress max={1} value={a.progress} aria-label={`Uploading ${a.name}`} />
              )}
              <button type="button" className="icon-button small" onClick={() => remove(a)} aria-label={`Remove ${a.name}`}>
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="composer-row">
        <button type="button" className="icon-button" onClick={() => fileInput.current?.click()} aria-label="Attach files" title="Attach files">
          <Icon name="attach" size={20} />
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(event) => {
            addFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <textarea
          ref={textarea}
          rows={1}
          value={text}
          placeholder="Message GAgent"
          aria-label="Message"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          disabled={disabled}
        />
        {running ? (
          <button type="button" className="stop-button" onClick={onStop} aria-label="Stop the answer" title="Stop (Esc)">
            <Icon name="stop" size={14} filled /> Stop
          </button>
        ) : (
          <button type="submit" className="send-button" disabled={!canSend} aria-label="Send message">
            Send
          </button>
        )}
      </div>
    </form>
  );
});
