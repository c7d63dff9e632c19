import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The cold-start baseline: a blank React 19 page, built by the same Vite and served the same way.
function Blank() {
  return (
    <main>
      <button type="button">Ready</button>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
createRoot(container).render(
  <StrictMode>
    <Blank />
  </StrictMode>,
);
