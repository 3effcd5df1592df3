import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App />);
