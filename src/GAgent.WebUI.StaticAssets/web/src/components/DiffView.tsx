import { parseDiff } from '../learning/diff';

const labels = { add: 'added', remove: 'removed', hunk: 'position', file: 'file', context: '' } as const;

/** A unified diff with added lines green and removed lines red (as text: nothing in it is interpreted). */
export function DiffView({ diff, label }: { diff: string; label: string }) {
  return (
    <pre className="diff" aria-label={label} data-testid="diff">
      {parseDiff(diff).map((line, i) => (
        <span key={i} className={`diff-line diff-${line.kind}`} title={labels[line.kind] || undefined}>
          {line.text || ' '}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
