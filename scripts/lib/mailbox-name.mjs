// The capture mailbox's folder for a recipient: scripts/mail-capture.mjs writes there, scripts/mailbox.mjs reads
// it (and so does the kit's mailTo in libs/kit/src/testing, which keeps its own copy of this one line).
export const mailboxName = (address) => address.toLowerCase().replace(/[^a-z0-9@._+-]/g, '_');
