// First: asks the core for the year list and the year left off in before the rest of the script runs.
import './features/start/early-start';
import { createRoot } from 'react-dom/client';
import { connectDesktop } from './desktop';
import { App } from './features/shell/App';
import { useYearStore } from './stores/use-year-store';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App />);
connectDesktop(
  (file) => useYearStore.getState().openYear(file),
  (message) => useYearStore.setState({ error: message }),
);
