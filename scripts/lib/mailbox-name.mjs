// The capture mailbox's folder for a recipient: scripts/mail-capture.mjs writes there, scripts/mailbox.mjs reads
// it (and so does the kit's mailTo in libs/kit/src/testing, which cannot import a script and keeps a copy of this line).
export const mailboxName = (address) => address.toLowerCase().replace(/[^a-z0-9@._+-]/g, '_');
