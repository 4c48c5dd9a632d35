// A demo's source, read-only, with light highlighting of comments, strings and keywords.
import { useMemo } from 'react';
import type { DemoRuntime } from '../../../shared/model/Lab';

const TOKEN =
  /(#[^\n]*|\/\/[^\n]*)|("{3}[\s\S]*?"{3}|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)|\b(if|then|else|elif|fi|for|while|do|done|case|esac|in|trap|kill|exec|wait|exit|echo|const|let|function|return|require|process|new|async|await|of|try|catch|sh|sleep|def|import|from|with|as|except|finally|pass|not|and|or|is|None|True|False|class|lambda|global)\b/g;

interface Piece {
  kind: 'plain' | 'comment' | 'string' | 'keyword';
  text: string;
}

export function highlight(source: string, runtime: DemoRuntime): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const [text, comment, string] = match;
    // "#" starts a comment in shell scripts and Python; "//" only in JavaScript.
    if (comment && (runtime !== 'node') !== comment.startsWith('#')) continue;
    if (match.index > last) pieces.push({ kind: 'plain', text: source.slice(last, match.index) });
    pieces.push({ kind: comment ? 'comment' : string ? 'string' : 'keyword', text });
    last = match.index + text.length;
  }
  if (last < source.length) pieces.push({ kind: 'plain', text: source.slice(last) });
  return pieces;
}

export function SourceView({ source, runtime }: { source: string; runtime: DemoRuntime }) {
  const pieces = useMemo(() => highlight(source, runtime), [source, runtime]);
  return (
    <pre className="source mono" data-testid="demo-source">
      {pieces.map((piece, i) =>
        piece.kind === 'plain' ? (
          piece.text
        ) : (
          <span key={i} className={`tok-${piece.kind}`}>
            {piece.text}
          </span>
        ),
      )}
    </pre>
  );
}
