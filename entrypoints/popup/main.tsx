import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import '../../components/settings/settings.css';
import '../../components/popup/popup.css';

render(<Popup />, document.getElementById('app')!);
