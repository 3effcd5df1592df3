// The app itself: loaded by main.tsx once the core has been asked for the year to show.
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
