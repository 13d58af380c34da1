import { renderEmail, type MailMessage } from '@lms/kit/mail';

/**
 * "Your certificate is ready": the course it is for, the download link (the action: it needs the student's
 * sign-in) and the public verification link anyone the student shows it to can open.
 */
export function certificateIssuedEmail(input: {
  to: string;
  fullName: string;
  courseTitle: string;
  certificateNumber: string;
  pdfUrl: string;
  verificationUrl: string;
}): MailMessage {
  const rendered = renderEmail({
    subject: `Your certificate is ready: ${input.courseTitle}`,
    greeting: `Hello ${input.fullName},`,
    paragraphs: [
      `Congratulations on completing “${input.courseTitle}”! Your certificate of completion is ready.`,
      `Certificate number: ${input.certificateNumber}`,
      { text: 'Anyone can check that it is genuine at ', url: input.verificationUrl },
    ],
    action: { label: 'Download your certificate', url: input.pdfUrl },
    footer: 'You get this email because you completed this course on LMS Fleet.',
  });
  return { ...rendered, to: input.to };
}
