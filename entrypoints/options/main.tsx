import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../../components/settings/settings.css';
import '../../components/options/options.css';

render(<OptionsPage />, document.getElementById('app')!);
