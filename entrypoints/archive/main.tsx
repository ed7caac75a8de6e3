import { render } from 'preact';
import { ArchiveChecker } from '../../components/archive/ArchiveChecker';
import '../../components/settings/settings.css';
import '../../components/archive/archive.css';

render(<ArchiveChecker />, document.getElementById('app')!);
