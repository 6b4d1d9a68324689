// Registers <mail-verdict>. Import this module (or index.js) once per page.
import { MailVerdictElement } from './mail-verdict-element.js';

MailVerdictElement.define();

export { MailVerdictElement };
