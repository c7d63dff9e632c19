import { useEffect, useRef, useState } from 'react';
import { windowAbilities } from '../../api.ts';
import { Button } from '../../components/Button.tsx';

/**
 * Print, and Save as PDF. In Electron the PDF is made by the window itself (`window.savePdf`);
 * in a browser its print dialog does both, "Save as PDF" being one of its printers.
 */
export function PrintActions({ fileStem }: { readonly fileStem: string }) {
  const [status, setStatus] = useState('');
  const busy = useRef(false);
  const printButton = useRef<HTMLButtonElement>(null);
  // The document was just made at the learner's request: what comes next is printing it.
  useEffect(() => printButton.current?.focus(), []);
  const savePdf = windowAbilities?.savePdf;
  const save = async () => {
    if (!savePdf || busy.current) return;
    busy.current = true;
    setStatus('Saving the PDF…');
    try {
      const result = await savePdf(fileStem);
      setStatus(result.saved ? `Saved ${result.fileName ?? 'the PDF'}.` : 'Not saved.');
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      busy.current = false;
    }
  };
  return (
    <div className="print-actions" role="group" aria-label="Print or save">
      <Button ref={printButton} variant="primary" onClick={() => window.print()}>
        {savePdf ? 'Print…' : 'Print or save as PDF…'}
      </Button>
      {savePdf && <Button onClick={() => void save()}>Save as PDF…</Button>}
      <span className="muted" role="status">
        {savePdf ? status : 'To save a PDF, pick “Save as PDF” as the printer in the print dialog.'}
      </span>
    </div>
  );
}
