import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { useAppInfo } from './stores/app-info.ts';
import { useNotices } from './stores/notices.ts';
import './styles/global.css';
import './styles/components.css';

// Start the first requests now, in parallel with React's first render, not after it.
void useNotices.getState().load();
void useAppInfo.getState().load();

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
