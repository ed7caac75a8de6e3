import { render } from 'preact';
import { ItSetupPage } from '../../components/it-setup/ItSetupPage';
import '../../components/settings/settings.css';
import '../../components/options/options.css';

render(<ItSetupPage />, document.getElementById('app')!);
