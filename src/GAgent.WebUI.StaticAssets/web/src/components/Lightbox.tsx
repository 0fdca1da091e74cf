import { useEffect, useRef } from 'react';
import { Icon } from './Icon';

/** A full-screen image viewer; closes on Escape, on the close button and on a click outside the image. */
export function Lightbox({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div className="lightbox" role="dialog" aria-modal="true" aria-label={`Image: ${alt}`} onClick={onClose} data-testid="lightbox">
      <img src={src} alt={alt} onClick={(event) => event.stopPropagation()} />
      <button ref={closeButton} type="button" className="lightbox-close" aria-label="Close image" onClick={onClose}>
        <Icon name="close" size={26} />
      </button>
    </div>
  );
}
