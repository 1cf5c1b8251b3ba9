import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './app/App';
import { CrashBoundary } from './app/ErrorBoundary';
import { ReliabilityBanners } from './app/ReliabilityBanners';

const root = document.getElementById('root');
if (!root) throw new Error('Stakemap needs an element with id "root" to start.');
createRoot(root).render(
  <StrictMode>
    <CrashBoundary scope="app">
      <App />
      <ReliabilityBanners />
    </CrashBoundary>
  </StrictMode>,
);
