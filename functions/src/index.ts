// Entry point: only re-exports. Each concept lives in its own folder.
import './platform/options';

export { setRole } from './roles/setRole';
